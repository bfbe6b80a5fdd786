"""A capitalised name followed by a lower-case verb is no species' binomial: "as Okafor
argued in her 2017 survey" names Okafor's 2017 work (made-up manuscripts). Only the
names that follow a binomial as its authority ("Aus bus (Don) Okafor, 2017") are no
mention (tests/rules_citations/test_uncited_named_in_text.py has the species list)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

LIST = (
    "\n\n# References\n\n"
    "Lee, A. (2014). A cited work. Journal of Things, 1, 1-2.\n\n"
    "Okafor, B. (2017). A survey of surveys. Journal of Things, 2, 3-4.\n\n"
    "Tanaka, D. (2011). Never named. Journal of Things, 4, 9-10.\n"
)


def _uncited(tmp_path: Path, text: str) -> list[str]:
    paper = tmp_path / "paper.md"
    paper.write_text(text + LIST, encoding="utf-8")
    result = audit(AuditInput(manuscripts=(paper,)))
    raw = {r.id: r.raw for r in result.data.references}
    return sorted(
        raw[f.reference or ""].split(",")[0] for f in result.findings if f.code == "CIT001"
    )


def test_a_name_then_a_verb_before_the_year_is_a_mention(tmp_path: Path) -> None:
    text = "As Lee (2014) showed, rivers matter, as Okafor argued in her 2017 survey."
    assert _uncited(tmp_path, text) == ["Tanaka"]


def test_a_sentence_opening_before_the_name_does_not_hide_it(tmp_path: Path) -> None:
    text = "As Lee (2014) showed, rivers matter. Results confirm Okafor's 2017 survey."
    assert _uncited(tmp_path, text) == ["Tanaka"]


def test_a_binomials_authority_is_still_no_mention(tmp_path: Path) -> None:
    text = "As Lee (2014) showed, rivers matter. Specimens: Fluvia okafori Okafor, Things 2. 2017."
    assert _uncited(tmp_path, text) == ["Okafor", "Tanaka"]
