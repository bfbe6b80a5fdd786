"""uncertain-reference-list: said once when the list's entries were cut by guesswork."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.model.finding import Severity

_BODY = (
    "# Winter roads\n\n"
    "Road salt harms verges (Lindqvist 2019) and lakes (Moreau and Haas 2017).\n\n"
)

_WRAPPED = """## References

Lindqvist, Anna. 2019. "Salt on Northern Roads: A Decade of Measurements along the
Baltic Coast." Nordic Transport Review 12 (3): 45-67.
Moreau, Claire, and Peter Haas. 2017. "Chloride in Small Lakes after Winter Road
Maintenance." Journal of Lake Chemistry 8: 101-19.
"""

_ONE_PER_PARAGRAPH = """## References

Lindqvist, A. (2019). Salt on northern roads. Nordic Transport Review, 12(3), 45-67.

Moreau, C., & Haas, P. (2017). Chloride in small lakes. Journal of Lake Chemistry, 8, 101-119.
"""


def _findings(tmp_path: Path, text: str) -> list[tuple[str, Severity, int | None, str]]:
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    result = audit(AuditInput(manuscripts=(path,)))
    return [
        (f.rule, f.severity, f.location.line, f.message)
        for f in result.findings
        if f.rule == "uncertain-reference-list"
    ]


def test_hard_wrapped_list_without_separators_is_said_once_at_its_heading(tmp_path: Path) -> None:
    [(_rule, severity, line, message)] = _findings(tmp_path, _BODY + _WRAPPED)
    assert severity is Severity.INFO
    assert line == 5  # the "## References" heading
    assert "2 entries, wrapped lines" in message


def test_list_with_one_entry_per_paragraph_is_not_reported(tmp_path: Path) -> None:
    assert _findings(tmp_path, _BODY + _ONE_PER_PARAGRAPH) == []


def test_bulleted_entry_continued_after_a_blank_line_is_no_guess(tmp_path: Path) -> None:
    bulleted = (
        "## References\n\n"
        "- Lindqvist, A. (2019). Salt on northern roads: A decade of\n\n"
        "measurements. Nordic Transport Review, 12(3), 45-67.\n\n"
        "- Moreau, C., & Haas, P. (2017). Chloride in small lakes. Journal of Lake "
        "Chemistry, 8, 101-119.\n"
    )
    assert _findings(tmp_path, _BODY + bulleted) == []
