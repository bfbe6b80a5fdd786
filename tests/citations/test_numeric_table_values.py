"""Bracketed numbers after a quantity are its range or its count, not citations.

A Word manuscript's table cell "48 [40-70]" (median and range) in a paper whose
numbered list has 43 entries was read as citations of entries 40 to 70 ("cites entry
44, the list has 43"). Made-up tables and sentences, modelled on that shape.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.model.citation import CitationKind


def _entries(count: int) -> str:
    return "\n\n".join(
        f"{k}. Writer{k} Q. A made-up study {k}. J Nowhere. 2020;{k}:1-9."
        for k in range(1, count + 1)
    )


def _numbers(body: str, count: int = 43) -> list[int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "paper.md"
        path.write_text(f"# A paper\n\n{body}\n\n## References\n\n{_entries(count)}\n", "utf-8")
        data = read_inputs(AuditInput.from_paths([path]))
    return [c.number or 0 for c in data.citations if c.kind is CitationKind.NUMERIC]


_CITED = "Earlier cohorts were small [1], [2-4] and biased [5]."


@pytest.mark.parametrize(
    "cell",
    [
        "| Age, years | 48 [40-70] | 51 [38-66] |",  # median [range]
        "| Stay, days | 12 [10, 15] | 9 [7, 12] |",  # value [interval], comma
        "Age, years\n\n48 [40–70]\n\n51 [38–66]",  # a Word table's cells, one a line
        "The median age was 48 [40-70] years.",  # the same in prose
    ],
)
def test_a_value_and_the_interval_around_it_is_no_citation(cell: str) -> None:
    assert _numbers(f"{_CITED}\n\n{cell}") == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    "cell",
    [
        "| Follow-up | 3 [44-60] |",  # a range wholly past the list's end
        "| Patients | 120 [150] |",  # a count in brackets past the list's end
    ],
)
def test_a_bracket_after_a_value_past_the_lists_end_is_no_citation(cell: str) -> None:
    assert _numbers(f"{_CITED}\n\n{cell}") == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Sample sizes were n = 12 [6].", [6]),  # within the list: the source of the count
        ("It was first described in 2019 [7].", [7]),  # a year before a citation
        ("As summarised in Table 2 [8].", [8]),  # a label's number
        ("A bracket past the end, not after a value [44].", [44]),  # a missing work
    ],
)
def test_citations_after_numbers_stay(text: str, cited: list[int]) -> None:
    assert _numbers(f"{_CITED}\n\n{text}") == [1, 2, 3, 4, 5, *cited]
