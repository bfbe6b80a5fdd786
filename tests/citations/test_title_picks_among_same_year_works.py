"""Word's citation engine tells two works of one author and year apart by title:
"(Dalby, Seeing Numbers 1994)" (issue 12, review of real Word manuscripts). The title
words pick the one entry whose title opens so; without them the citation stays
ambiguous, and the finding tells the candidates apart by title."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_PAPER = """# Charts

Charts (Dalby, Seeing Numbers 1994) differ from tables (Dalby, Reading Charts 1994).

## References

Dalby, Ruth. Seeing Numbers. Hobart: Lane Press, 1994.

———. Reading Charts. Hobart: Lane Press, 1994.
"""


def _findings(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    return [f"{f.code} {f.message}" for f in audit(AuditInput(manuscripts=(path,))).findings]


def test_title_words_pick_the_entry(tmp_path: Path) -> None:
    assert _findings(tmp_path, _PAPER) == []


def test_without_title_words_the_candidates_are_told_apart(tmp_path: Path) -> None:
    text = _PAPER.replace("(Dalby, Reading Charts 1994)", "(Dalby 1994)")
    [finding] = _findings(tmp_path, text)
    assert finding.startswith("CIT003")
    assert '"Seeing Numbers"' in finding and '"Reading Charts"' in finding


def test_title_words_of_neither_entry_leave_it_ambiguous(tmp_path: Path) -> None:
    text = _PAPER.replace("Seeing Numbers 1994", "Drawing Maps 1994")
    assert [f[:6] for f in _findings(tmp_path, text)] == ["CIT003"]
