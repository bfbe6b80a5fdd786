"""Superscript citations that lost their markup but kept a space before them, and lists
whose separators alone kept it (made-up text, Vancouver-numbered lists)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.model.citation import CitationKind

ENTRIES = "\n\n".join(
    f"{k}. Writer{k} Q. A made-up work {k}. J Nowhere. 2021;{k}:1-5." for k in range(1, 13)
)


def _numbers(body: str) -> list[int]:
    """The numbers cited, as the audit reads the manuscript with its numbered list."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "paper.md"
        path.write_text(f"# A paper\n\n{body}\n\n## References\n\n{ENTRIES}\n", "utf-8")
        data = read_inputs(AuditInput.from_paths([path]))
    return [c.number or 0 for c in data.citations if c.kind is CitationKind.NUMERIC]


def test_separators_marked_superscript_join_the_list() -> None:
    body = "Of the twelve studies, 1^,^4^,^9 showed it. Others disagree^2^. Some agree^3^."
    assert _numbers(body)[:3] == [1, 4, 9]


def test_numbers_after_a_sentence_read_when_they_are_the_style() -> None:
    body = (
        "Walls hold tiles. 1 Waste adds value. 2,3 Studies report this. 4 "
        "Glass is common. 5,6 Firing changes pores. 7"
    )
    assert _numbers(body) == [1, 2, 3, 4, 5, 6, 7]


def test_counts_opening_a_clause_are_not_read() -> None:
    body = (
        "Walls hold tiles. 1 Waste adds value. 2,3 Studies report this. 4 "
        "In 2010. 12 patients were seen, 5 left early; of them, 3 were women; "
        "the dose was 12,5 mg. Glass is common. 5,6 Firing changes pores. 7"
    )
    assert 12 not in _numbers(body) and _numbers(body).count(3) == 1


def test_numbers_after_a_label_word_are_not_read() -> None:
    body = (
        "Walls hold tiles. 1 Waste adds value. 2,3 Studies report this. 4 "
        "As Fig. 11 Then shows, glass is common. 5,6 See Table 12. Firing changes pores. 7"
    )
    assert _numbers(body) == [1, 2, 3, 4, 5, 6, 7]


def test_a_few_spaced_numbers_are_no_style() -> None:
    body = "The walls were 4. Then glass was added [1]. Firing followed [2], [3] and [5]."
    assert 4 not in _numbers(body)
