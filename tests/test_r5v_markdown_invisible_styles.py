"""Raw HTML in Markdown whose text a browser draws with no size or no opacity
(``font-size:0``, ``font-size:0px``, ``opacity:0``) shows nothing, as
``display:none`` shows nothing: such text was read as citations, and the uncited
entry the editor would have been told of was hidden from the audit."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.html_hidden import blank_hidden_html

LIST = (
    "\n\n# References\n\nLee, A. (2001). A work on things. *J*, 1, 2.\n\n"
    "Smith, B. (2019). Another work. *J*, 4, 5.\n"
)


def _audit(tmp_path: Path, middle: str) -> tuple[list[str], list[str]]:
    path = tmp_path / "paper.md"
    path.write_text(f"# Intro\n\nAs shown (Lee, 2001).\n\n{middle}{LIST}", encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    uncited = [f.message for f in result.findings if f.rule == "uncited-reference"]
    notes = [f.message for f in result.findings if f.rule == "unreadable-input"]
    return uncited, notes


@pytest.mark.parametrize(
    "style",
    ["font-size:0", "font-size: 0px", "FONT-SIZE:0.0em", "opacity:0", "color:red; opacity: 0.0"],
)
def test_text_drawn_with_no_size_or_no_opacity_cites_nothing(tmp_path: Path, style: str) -> None:
    uncited, notes = _audit(tmp_path, f'Text <span style="{style}">(Smith, 2019)</span>.')
    assert len(uncited) == 1 and "Smith" in uncited[0]
    assert len(notes) == 1 and "font-size:0" in notes[0]


@pytest.mark.parametrize(
    "style", ["font-size:10px", "font-size:0.9em", "opacity:0.5", "line-height:0", "margin:0"]
)
def test_text_that_shows_still_cites(tmp_path: Path, style: str) -> None:
    uncited, notes = _audit(tmp_path, f'Text <span style="{style}">(Smith, 2019)</span>.')
    assert uncited == [] and notes == []


def test_blanking_keeps_columns() -> None:
    text = 'a <b style="font-size:0">(Smith, 2019)</b> z'
    blanked, open_ = blank_hidden_html(text, None)
    assert len(blanked) == len(text) and blanked.endswith(" z") and "Smith" not in blanked
    assert open_ is None
