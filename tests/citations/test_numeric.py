from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import NumericExtractor
from citeaudit.model.citation import CitationKind
from tests.citations.helpers import document


def numbers(text: str) -> list[int | None]:
    return [c.number for c in NumericExtractor().extract(document(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("as shown [3].", [3]),
        ("as shown [1–4].", [1, 2, 3, 4]),
        ("as shown [1-4].", [1, 2, 3, 4]),
        ("as shown [1—4].", [1, 2, 3, 4]),
        ("as shown [1, 5, 7].", [1, 5, 7]),
        ("as shown [1,3-5].", [1, 3, 4, 5]),
        ("as shown [2]-[4].", [2, 3, 4]),
        ("as shown [2]–[4].", [2, 3, 4]),
        ("as shown [[3]](#ref3).", [3]),
        ("as shown [3](#ref-3).", [3]),
        ("as shown [12] and [7].", [12, 7]),
    ],
)
def test_numeric_markers(text: str, expected: list[int]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "see [the docs](https://example.org) here",
        "a footnote[^1] and [^2]",
        "- [ ] todo\n- [x] done",
        "[@smith2019]",
        "[1]: https://example.org/reference-link-definition",
        "a [reference link][1] here",
        "![3](figure.png)",
        "array[3] and x[2]",
        "first published [1998]",
        "a [0] index",
        "`code [3] span`",
        "[9-2] backwards",
        "[3](https://example.org) link to a page",
    ],
)
def test_markdown_look_alikes_are_not_citations(text: str) -> None:
    assert numbers(text) == []


def test_range_shares_text_and_location() -> None:
    found = NumericExtractor().extract(document("Intro.\nPrior work [2]–[4] agrees."))
    assert [c.text for c in found] == ["[2]–[4]"] * 3
    assert {(c.location.line, c.location.column) for c in found} == {(2, 12)}
    assert all(c.kind is CitationKind.NUMERIC for c in found)
