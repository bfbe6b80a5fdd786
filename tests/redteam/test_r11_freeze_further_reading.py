"""Entries under many "Further reading" headings are marked in linear time.

A reference list may hold a "Further reading" part, uncited by design, so its entries
are marked. Each entry was tested against every such part of the list (``any(index in
r for r in further)``): a manuscript of n "Further reading" headings, each over one
entry, made n x n tests. Through a whole offline audit, 328 KB (8,000 headings) took
4.9 s of CPU and 1.3 MB 33 s, of which the marking ~2/3 (128 million tests at 16,000
headings); now each entry finds its part by bisection. Counted, not timed
(tests/security/counted_work.py: linear grows 8x, quadratic 64x).
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import find_reference_section
from tests.security.counted_work import Case, assert_linear


def _lines(text: str) -> list[Line]:
    return [Line("paper.md", k, t) for k, t in enumerate(text.split("\n"), 1)]


def _section(text: str) -> object:
    return find_reference_section(_lines(text))


def _parts(n: int) -> str:
    part = "# Further reading\n\nSmith, J. (2020). A title. Journal 1, 2-3.\n\n"
    return "Text (Smith, 2020).\n\n" + part * max(n // len(part), 1)


def _after_references(n: int) -> str:
    part = "# Further reading\n\nLee, K. (2019). Other. Journal 4, 5-6.\n\n"
    head = "Text (Smith, 2020).\n\n# References\n\nSmith, J. (2020). A title. J 1.\n\n"
    return head + part * max(n // len(part), 1)


CASES = {
    "many further-reading parts, one entry each": Case(_parts, _section, 80_000),
    "a list, then many further-reading parts": Case(_after_references, _section, 80_000),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_further_reading_parts_are_marked_linearly(name: str) -> None:
    assert_linear(__name__, name)


def test_entries_under_further_reading_are_marked_and_others_not() -> None:
    text = (
        "Text (Smith, 2020).\n\n# References\n\nSmith, J. (2020). A title. J 1.\n\n"
        "# Further reading\n\nLee, K. (2019). Other. J 2.\n\nKim, L. (2018). Third. J 3.\n"
    )
    section = find_reference_section(_lines(text))
    assert section is not None
    marked = [(e.text.split(",")[0], e.further_reading) for e in section.entries]
    assert marked == [("Smith", False), ("Lee", True), ("Kim", True)]
