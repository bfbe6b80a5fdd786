"""Word's alternate content is read as Word shows it: the Choice it understands, else
the Fallback -- never both. A citation in a Fallback behind a shown Choice (or in a
Choice naming a namespace Word does not know) cited an entry no one sees; a text
box's Choice naming an unknown namespace left its shown Fallback unread.

(Needs r5v-docx.diff applied to manuscript/docx.py.)"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
ENTRIES = (
    "Lee, A. (2001). A work on things. Journal of Things, 1, 2-3.",
    "Smith, B. (2019). Another work here. Journal of Things, 4, 5-6.",
)
CITE = "(Smith, 2019)"


def _p(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _box(text: str) -> str:
    return f"<w:r><w:pict><w:txbxContent>{_p(_r(text))}</w:txbxContent></w:pict></w:r>"


def _uncited(path: Path, middle: str) -> list[str]:
    body = _p(_r("Intro (Lee, 2001).")) + middle + _p(_r("References"))
    body += "".join(_p(_r(e)) for e in ENTRIES)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="{W}" xmlns:mc="{MC}" '
            f'xmlns:w14="{W14}" xmlns:wps="{WPS}" xmlns:x="http://made-up.example/ns">'
            f"<w:body>{body}</w:body></w:document>",
        )
    result = audit(AuditInput(manuscripts=(path,)))
    return [f.message for f in result.findings if f.rule == "uncited-reference"]


def _alternate(choice: str, fallback: str, requires: str = "w14") -> str:
    return (
        f'<mc:AlternateContent><mc:Choice Requires="{requires}">{choice}</mc:Choice>'
        f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>"
    )


@pytest.mark.parametrize(
    "middle",
    [
        _p(_r("Text.") + _alternate(_r(" shown"), _r(f" {CITE}"))),
        _p(_r("Text.") + _alternate(_r(f" {CITE}"), _r(" shown"), requires="x")),
        _p(_r("Text.") + _alternate(_box("shown"), _box(CITE), requires="wps")),
        _p(_r("Text.") + _alternate(_box(CITE), _box("shown"), requires="x")),
    ],
    ids=["run-fallback", "run-unknown-choice", "box-fallback", "box-unknown-choice"],
)
def test_the_branch_word_does_not_show_cites_nothing(tmp_path: Path, middle: str) -> None:
    uncited = _uncited(tmp_path / "a.docx", middle)
    assert len(uncited) == 1 and "Smith" in uncited[0]


@pytest.mark.parametrize(
    "middle",
    [
        _p(_r("Text.") + _alternate(_r(f" {CITE}"), _r(" shown"))),
        _p(_r("Text.") + _alternate(_r(" shown"), _r(f" {CITE}"), requires="x")),
        _p(_r("Text.") + _alternate(_box(CITE), _box("shown"), requires="wps")),
        _p(_r("Text.") + _alternate(_box("shown"), _box(CITE), requires="x")),
    ],
    ids=["run-choice", "run-fallback-shown", "box-choice", "box-fallback-shown"],
)
def test_the_branch_word_shows_cites(tmp_path: Path, middle: str) -> None:
    assert _uncited(tmp_path / "a.docx", middle) == []
