"""A Markdown manuscript's hidden HTML is left out and said once (the reader's note;
`html_hidden.hidden_html_elements` counts it): an editor told "uncited" with nothing
more took it at its word while the file held a citation meant for the audit alone."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

REFERENCES = """## References

Lee, A. (2001). A work on things. Journal of Things, 1, 2-3.

Smith, B. (2019). Another work here. Journal of Things, 4, 5-6.
"""


def _findings(tmp_path: Path, middle: str) -> tuple[list[str], list[str]]:
    path = tmp_path / "paper.md"
    path.write_text(f"# Paper\n\nIntro (Lee, 2001).\n\n{middle}\n\n{REFERENCES}", "utf-8")
    result = audit(AuditInput(manuscripts=(path,)))
    uncited = [f.message for f in result.findings if f.rule == "uncited-reference"]
    notes = [f.message for f in result.findings if f.rule == "unreadable-input"]
    return uncited, notes


def test_hidden_html_is_said_once(tmp_path: Path) -> None:
    middle = "<div hidden>(Smith, 2019)</div>\n\nText <span style='display:none'>x</span>."
    uncited, notes = _findings(tmp_path, middle)
    assert len(uncited) == 1 and "Smith" in uncited[0]
    assert len(notes) == 1 and "hidden HTML (2 element(s)" in notes[0]


def test_css_and_shown_html_say_nothing(tmp_path: Path) -> None:
    middle = "<style>p { color: red; }</style>\n\n<details>(Smith, 2019)</details>"
    uncited, notes = _findings(tmp_path, middle)
    assert uncited == [] and notes == []
