"""hidden-direction-control (INP002): bidirectional controls are said, once a manuscript.

The audit reads text as shown (tests/manuscript/test_hostile_text_visible.py); what a
reviewer would see in another order than it is stored is named for the editor.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.model.finding import Finding, Severity
from citeaudit.rules.citations.hidden_direction_control import HiddenDirectionControl

LIST = (
    "\n# References\n\n"
    "1. Moreau, C. (2016). Rivers of the northern plain. Journal of Water, 4(2), 10-20.\n"
    "2. Okafor, B. (2021). Flood maps for small towns. Regional Studies, 7(1), 1-9.\n"
)


def _findings(tmp_path: Path, body: str) -> list[Finding]:
    paper = tmp_path / "paper.md"
    paper.write_text(body + LIST, "utf-8")
    data = audit(AuditInput.from_paths([paper])).data
    return list(HiddenDirectionControl().check(data))


def test_an_override_is_a_warning_at_its_line_and_column(tmp_path: Path) -> None:
    line = "Rivers rise [1\u202e] and fall [2]."
    found = _findings(tmp_path, f"# Intro\n\n{line}\nMore [2\u2066] here.\n\nAnd [1\u202e].\n")
    assert len(found) == 1
    finding = found[0]
    assert finding.severity is Severity.WARNING
    assert finding.location.line == 3
    assert finding.location.column == line.index("\u202e") + 1
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in finding.message
    assert "U+2066 LEFT-TO-RIGHT ISOLATE" in finding.message
    assert "also at line 4, line 6" in finding.message


def test_isolates_alone_are_information(tmp_path: Path) -> None:
    found = _findings(tmp_path, "# Intro\n\nRivers rise [\u20671\u2069] and fall [2].\n")
    assert [f.severity for f in found] == [Severity.INFO]


def test_marks_and_zero_width_characters_are_not_direction_controls(tmp_path: Path) -> None:
    body = "# Intro\n\nRivers rise [1\u200f] and fall\u200b [2\u200e].\n"
    assert _findings(tmp_path, body) == []


def test_many_lines_give_one_finding_that_counts_the_rest(tmp_path: Path) -> None:
    body = "# Intro\n\n" + "".join(f"Line {i} [1\u202e].\n" for i in range(40)) + "And [2].\n"
    found = _findings(tmp_path, body)
    assert len(found) == 1
    assert "and 27 more" in found[0].message


def test_a_latex_line_is_reported_though_its_text_is_kept(tmp_path: Path) -> None:
    paper = tmp_path / "paper.tex"
    line = "Rivers \\cite{a}\u202e and more."
    paper.write_text(f"\\begin{{document}}\n{line}\n\\end{{document}}\n", "utf-8")
    data = audit(AuditInput.from_paths([paper])).data
    found = list(HiddenDirectionControl().check(data))
    assert [(f.location.line, f.location.column) for f in found] == [(2, line.index("\u202e") + 1)]
