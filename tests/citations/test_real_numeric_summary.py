"""A manuscript whose citations are not read gets one summary, not a finding per entry.

The manuscripts are made up and audited through the public API, offline.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

ENTRIES = "\n\n".join(
    f"{k}. Writer{k} Q. Invented work number {k}. J Nowhere. 2021;{k}:1-5." for k in range(1, 9)
)


def codes(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "paper.md"
    path.write_text(
        f"# A made-up paper\n\n{body}\n\n## References\n\n{ENTRIES}\n", encoding="utf-8"
    )
    result = audit(AuditInput.from_paths([path]))
    return sorted(f.code for f in result.findings if f.code.startswith("CIT"))


def test_superscripts_flattened_at_sentence_ends_are_read(tmp_path: Path) -> None:
    # numbers ending their sentences after a word: superscripts that lost their markup
    body = (
        "Ventilated walls hold large tiles 1. Waste glass adds value 2. Many studies "
        "report this 3. Glass is common in waste 4. Firing changes the pores 5. Sodium "
        "oxide lowers the melting point 6. Tiles absorb water 7. Others agree 8."
    )
    assert codes(tmp_path, body) == []


def test_numbers_read_nowhere_get_one_summary(tmp_path: Path) -> None:
    # after a word, before a lower-case one: a count as often as a citation, never read
    body = (
        "Ventilated walls 1 hold large tiles; waste glass 2 adds value; many studies 3 "
        "report this; glass 4 is common; firing 5 changes the pores; sodium oxide 6 "
        "lowers the melting point; tiles 7 absorb water; others 8 agree."
    )
    assert codes(tmp_path, body) == ["CIT006"]


def test_the_summary_names_the_form_it_saw(tmp_path: Path) -> None:
    body = (
        "Ventilated walls hold large panels 1, waste glass adds value 2, many studies "
        "report this 3, glass is common in waste 4, firing changes the pores 5."
    )
    path = tmp_path / "paper.md"
    path.write_text(f"{body}\n\n## References\n\n{ENTRIES}\n", encoding="utf-8")
    (summary,) = [f for f in audit(AuditInput.from_paths([path])).findings if f.code == "CIT006"]
    assert "standing alone after words" in summary.message


def test_a_cited_numbered_list_gets_no_summary(tmp_path: Path) -> None:
    body = "Panels [1], glass [2,3], studies [4-6] and tiles [7]. Others agree [8]."
    assert codes(tmp_path, body) == []


def test_numbers_read_in_part_get_one_summary(tmp_path: Path) -> None:
    """Three of eight numbers read (in brackets), five written where the reader does not
    see them: a third of a numbered list uncited is unread citations, not five slips."""
    body = (
        "Panels [1], glass [2] and studies [3]. Glass 4 is common; firing 5 changes the "
        "pores; sodium oxide 6 lowers the melting point; tiles 7 absorb water; others 8 agree."
    )
    assert codes(tmp_path, body) == ["CIT006"]


def test_one_uncited_entry_of_a_numbered_list_is_still_reported(tmp_path: Path) -> None:
    body = "Panels [1], glass [2,3], studies [4-6] and tiles [7]. Others agree."
    assert codes(tmp_path, body) == ["CIT001"]


def test_table_cells_of_values_are_not_citations(tmp_path: Path) -> None:
    """A table's cells as Word gives them, one a line: "6 (2, 5)" is a median and its
    interquartile range, "7 (4)" a count and its percentage -- not entries 2, 5, 4."""
    body = (
        "Panels crack (3). Glass adds value (1, 2) and studies agree (4-6); tiles absorb "
        "water (8) and others disagree (7).\n\nAge\n\n6 (2, 5)\n\n7 (4)\n\n< 5 (2, 3)\n"
    )
    path = tmp_path / "paper.md"
    path.write_text(f"{body}\n\n## References\n\n{ENTRIES}\n", encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    cited = {c.text for c in result.data.citations}
    assert "(1, 2)" in cited
    assert not cited & {"(2, 5)", "(4)", "(2, 3)"}
    assert sorted(f.code for f in result.findings if f.code.startswith("CIT")) == []


def test_a_number_in_brackets_after_a_value_in_prose_still_cites(tmp_path: Path) -> None:
    body = (
        "The rate is 45 per 100,000 (3). Glass adds value (1, 2) and studies agree "
        "(4-6); tiles absorb water (8) and others disagree (7)."
    )
    assert codes(tmp_path, body) == []
