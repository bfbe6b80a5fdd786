"""A Word document's text the editor does not see is not read as citations, and what
the editor may see otherwise than the audit reads it is said.

Word hides a run set ``w:vanish`` or ``w:specVanish`` on the run, on its character
style, on its paragraph's style (each through ``basedOn``) or on the defaults. Only
the run's own ``w:vanish`` was read: "(Smith, 2019)" in a hidden character style, a
hidden paragraph style or set ``w:specVanish`` cited Smith's entry, and the uncited
entry the editor would have been told of was hidden from the audit
(`manuscript.docx_hidden`). Tracked changes not accepted are read as accepted, and
the audit now says so once, with hidden and faint (white, hairline) text.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ENTRIES = (
    "Lee, A. (2001). A work on things. Journal of Things, 1, 2-3.",
    "Smith, B. (2019). Another work here. Journal of Things, 4, 5-6.",
)


def _p(inner: str, style: str = "") -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{inner}</w:p>"


def _r(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _styles(inner: str) -> str:
    return f'<?xml version="1.0"?><w:styles xmlns:w="{W}">{inner}</w:styles>'


def _docx(path: Path, middle: str, styles: str | None = None) -> Path:
    body = _p(_r("Intro as shown (Lee, 2001)."))
    body += middle + _p(_r("References")) + "".join(_p(_r(e)) for e in ENTRIES)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
        )
        if styles is not None:
            archive.writestr("word/styles.xml", styles)
    return path


def _audit(path: Path) -> tuple[list[str], list[str]]:
    result = audit(AuditInput(manuscripts=(path,)))
    uncited = [f.message for f in result.findings if f.rule == "uncited-reference"]
    notes = [f.message for f in result.findings if f.rule == "unreadable-input"]
    return uncited, notes


HIDDEN_CHARACTER_STYLE = _styles(
    '<w:style w:type="character" w:styleId="Base"><w:rPr><w:vanish/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Hid"><w:basedOn w:val="Base"/></w:style>'
)
HIDDEN_PARAGRAPH_STYLE = _styles(
    '<w:style w:type="paragraph" w:styleId="HidP"><w:rPr><w:vanish/></w:rPr></w:style>'
)


@pytest.mark.parametrize(
    ("middle", "styles"),
    [
        (_p(_r("Hidden (Smith, 2019).", '<w:rStyle w:val="Hid"/>')), HIDDEN_CHARACTER_STYLE),
        (_p(_r("Hidden (Smith, 2019)."), style="HidP"), HIDDEN_PARAGRAPH_STYLE),
        (_p(_r("Hidden (Smith, 2019).", "<w:specVanish/>")), None),
        (_p(_r("Hidden (Smith, 2019).", "<w:vanish/>")), None),
    ],
    ids=["character-style", "paragraph-style", "specVanish", "vanish"],
)
def test_hidden_text_cites_nothing_and_is_noted(
    tmp_path: Path, middle: str, styles: str | None
) -> None:
    uncited, notes = _audit(_docx(tmp_path / "a.docx", middle, styles))
    assert len(uncited) == 1 and "Smith" in uncited[0]
    assert any("hidden text" in n for n in notes)


def test_a_run_that_unsets_its_style_s_hiding_shows(tmp_path: Path) -> None:
    middle = _p(_r("Shown (Smith, 2019).", '<w:rStyle w:val="Hid"/><w:vanish w:val="0"/>'))
    uncited, notes = _audit(_docx(tmp_path / "a.docx", middle, HIDDEN_CHARACTER_STYLE))
    assert uncited == [] and not any("hidden text" in n for n in notes)


def test_tracked_changes_are_read_accepted_and_said(tmp_path: Path) -> None:
    middle = _p(
        '<w:del w:id="1" w:author="a"><w:r><w:delText>(Smith, 2019)</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a">' + _r("Added text.") + "</w:ins>"
    )
    uncited, notes = _audit(_docx(tmp_path / "a.docx", middle))
    assert len(uncited) == 1 and "Smith" in uncited[0]  # the deletion cites nothing
    assert any("2 tracked change(s) not accepted" in n for n in notes)


def test_white_text_is_not_read_and_said(tmp_path: Path) -> None:
    # white on the white page shows nothing: not read since r4 (tests/test_r4_docx_unseen_text.py)
    middle = _p(_r("White (Smith, 2019).", '<w:color w:val="FFFFFF"/>'))
    uncited, notes = _audit(_docx(tmp_path / "a.docx", middle))
    assert len(uncited) == 1 and "Smith" in uncited[0]
    assert any("1 white on the white page" in n for n in notes)


def test_a_plain_document_has_no_note(tmp_path: Path) -> None:
    uncited, notes = _audit(_docx(tmp_path / "a.docx", _p(_r("Nothing more."))))
    assert len(uncited) == 1 and notes == []


def test_an_embedded_part_in_another_format_is_said(tmp_path: Path) -> None:
    middle = '<w:altChunk r:id="rId9" xmlns:r="http://x"/>'
    _, notes = _audit(_docx(tmp_path / "a.docx", middle))
    assert any("1 part(s) in another format" in n for n in notes)
