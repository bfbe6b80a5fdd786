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


def test_superscripts_flattened_into_the_line_get_one_summary(tmp_path: Path) -> None:
    body = (
        "Ventilated walls hold large panels 1. Waste glass adds value 2. Many studies "
        "report this 3. Glass is common in waste 4. Firing changes the pores 5. Sodium "
        "oxide lowers the melting point 6. Tiles absorb water 7. Others agree 8."
    )
    result = codes(tmp_path, body)
    assert result == ["CIT006"]


def test_the_summary_names_the_form_it_saw(tmp_path: Path) -> None:
    body = (
        "Ventilated walls hold large panels 1. Waste glass adds value 2. Many studies "
        "report this 3. Glass is common in waste 4. Firing changes the pores 5."
    )
    path = tmp_path / "paper.md"
    path.write_text(f"{body}\n\n## References\n\n{ENTRIES}\n", encoding="utf-8")
    (summary,) = [f for f in audit(AuditInput.from_paths([path])).findings if f.code == "CIT006"]
    assert "standing alone after words" in summary.message


def test_a_cited_numbered_list_gets_no_summary(tmp_path: Path) -> None:
    body = "Panels [1], glass [2,3], studies [4-6] and tiles [7]. Others agree [8]."
    assert codes(tmp_path, body) == []
