"""citation-name-mismatch: a typo in a cited name is linked *and* reported, once."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_PAPER = """# Tides

Sea level rose here too (Kowalcyzk and Brandt, 2000), as Ferrante (2015) found.

## References

Kowalczyk, S., & Brandt, A. S. (2000). Tides of change. Coastal Letters, 4, 1-9.

Ferrante, A. (2015). Lagoons of the north. Marine Notes, 2, 10-20.
"""


def test_misspelt_author_is_one_name_mismatch_not_missing_plus_uncited(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(_PAPER, encoding="utf-8")
    findings = audit(AuditInput(manuscripts=(path,))).findings
    rules = sorted(f.rule for f in findings)
    assert rules == ["citation-name-mismatch"]
    [finding] = findings
    assert finding.code == "CIT007"
    assert finding.location.line == 3
    assert "Kowalcyzk" in finding.message and "line 7" in finding.message
    assert finding.fix is not None and "Kowalczyk" in finding.fix.title


def test_a_name_spelt_as_listed_gives_no_name_mismatch(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(_PAPER.replace("Kowalcyzk", "Kowalczyk"), encoding="utf-8")
    assert [f.rule for f in audit(AuditInput(manuscripts=(path,))).findings] == []
