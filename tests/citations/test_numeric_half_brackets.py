"""Half-bracket numeric citations set off by a space ("common 1)", "spreads 2,4)", "as
reported 3-5).") in a paper that closes its citations with a half bracket
("walls1)"): read by the list's numbering (`numeric_order`), never the values, labels
and enumeration items that end in ")" too. Made-up text and entries."""

from __future__ import annotations

import tempfile
from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.model.citation import CitationKind


def _entries(count: int) -> str:
    return "\n\n".join(
        f"{k}. Writer{chr(64 + k % 26 or 26)}{k} Q. A made-up work {k}. J Nowhere. 2021;{k}:1-5."
        for k in range(1, count + 1)
    )


def _numbers(body: str, count: int = 12) -> list[int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "paper.md"
        path.write_text(f"# A paper\n\n{body}\n\n## References\n\n{_entries(count)}\n", "utf-8")
        data = read_inputs(AuditInput.from_paths([path]))
    return [c.number or 0 for c in data.citations if c.kind is CitationKind.NUMERIC]


# sure citations: half brackets glued to the word, in first-citation order
_OPENING = "Tiles hold walls1). Waste adds value2,3). Kilns vary4)."


def test_spaced_half_brackets_are_read_in_a_paper_citing_so() -> None:
    body = (
        f"{_OPENING} Glass is common 5). Clay spreads 6,7) in the south. "
        "As reported 8-10). Drying is slow11)."
    )
    assert _numbers(body) == list(range(1, 12))


def test_a_spaced_half_bracket_citing_again_is_read() -> None:
    body = f"{_OPENING} Glass is common5). Tiles crack, as others found 2)."
    assert _numbers(body) == [1, 2, 3, 4, 5, 2]


def test_values_labels_and_items_closed_by_a_bracket_are_not_read() -> None:
    body = (
        f"{_OPENING} Glass is common5). Kilns (see Figure 6) vary. "
        "It took step 6) and then n = 6) of them (p < 0.05). "
        "The aims were: 1) to fire tiles, and 2) to cool them.\n\n"
        "6) an item\n\n"
        "a) another item\n\n"
        "Drying is slow6)."
    )
    assert _numbers(body) == [1, 2, 3, 4, 5, 6]


def test_a_paper_not_citing_with_half_brackets_reads_no_spaced_one() -> None:
    body = (
        "Tiles hold walls.^1^ Waste adds value.^2,3^ Kilns vary.^4^ Glass.^5^ "
        "The options were tiles 6) and glass 7)."
    )
    assert _numbers(body) == [1, 2, 3, 4, 5]


def test_a_spaced_half_bracket_past_the_list_is_not_read() -> None:
    body = f"{_OPENING} Glass is common5). It holds 13)."
    assert _numbers(body) == [1, 2, 3, 4, 5]
