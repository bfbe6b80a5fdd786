"""Word text no reader of the page sees is not read: white on the white page, a
hair high. What shows on a ground (a shaded run or paragraph, a table's cell, a
text box, a dark page) is read; footnotes and endnotes show and are read; comments
are no body text; field codes and alt text are never text.

The reader took white "(Smith, 2019)" and 1-pt "(Smith, 2019)" as citations and only
said they "may not show": the uncited entry the editor would have been told of was
hidden from the audit (`manuscript.docx_hidden`). White and size are read through
the run's character style, its paragraph's style and the document defaults, as
Word does.
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
WHITE = '<w:color w:val="FFFFFF"/>'


def _p(inner: str, props: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{inner}</w:p>"


def _r(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _part(root: str, inner: str) -> str:
    return f'<?xml version="1.0"?><w:{root} xmlns:w="{W}">{inner}</w:{root}>'


def _docx(path: Path, middle: str, parts: dict[str, str] | None = None, page: str = "") -> Path:
    body = _p(_r("Intro as shown (Lee, 2001)."))
    body += middle + _p(_r("References")) + "".join(_p(_r(e)) for e in ENTRIES)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="{W}">{page}<w:body>{body}'
            "</w:body></w:document>",
        )
        for name, data in (parts or {}).items():
            archive.writestr(name, data)
    return path


def _audit(path: Path) -> tuple[list[str], list[str]]:
    result = audit(AuditInput(manuscripts=(path,)))
    uncited = [f.message for f in result.findings if f.rule == "uncited-reference"]
    notes = [f.message for f in result.findings if f.rule == "unreadable-input"]
    return uncited, notes


WHITE_CHARACTER_STYLE = {
    "word/styles.xml": _part(
        "styles",
        f'<w:style w:type="character" w:styleId="Base"><w:rPr>{WHITE}</w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Ghost"><w:basedOn w:val="Base"/></w:style>',
    )
}
TINY_PARAGRAPH_STYLE = {
    "word/styles.xml": _part(
        "styles",
        '<w:style w:type="paragraph" w:styleId="Small"><w:rPr><w:sz w:val="2"/></w:rPr></w:style>',
    )
}


@pytest.mark.parametrize(
    ("middle", "parts", "why"),
    [
        (_p(_r("As argued (Smith, 2019).", WHITE)), None, "white"),
        (
            _p(
                _r(
                    "As argued (Smith, 2019).",
                    '<w:color w:val="FFFFFF" w:themeColor="background1"/>',
                )
            ),
            None,
            "white",
        ),
        (
            _p(_r("As argued (Smith, 2019).", '<w:rStyle w:val="Ghost"/>')),
            WHITE_CHARACTER_STYLE,
            "white",
        ),
        (_p(_r("As argued (Smith, 2019).", '<w:sz w:val="2"/>')), None, "under 1 pt"),
        (
            _p(_r("As argued (Smith, 2019)."), '<w:pStyle w:val="Small"/>'),
            TINY_PARAGRAPH_STYLE,
            "under 1 pt",
        ),
    ],
    ids=["white", "theme-white", "white-character-style", "one-point", "tiny-paragraph-style"],
)
def test_unseen_text_cites_nothing_and_is_said(
    tmp_path: Path, middle: str, parts: dict[str, str] | None, why: str
) -> None:
    uncited, notes = _audit(_docx(tmp_path / "a.docx", middle, parts))
    assert len(uncited) == 1 and "Smith" in uncited[0]
    said = [n for n in notes if "not read" in n and why in n]
    assert len(said) == 1


SHADE = '<w:shd w:val="clear" w:color="auto" w:fill="1F3864"/>'


@pytest.mark.parametrize(
    ("middle", "page"),
    [
        (_p(_r("As argued (Smith, 2019).", WHITE + SHADE)), ""),
        (_p(_r("As argued (Smith, 2019).", WHITE), SHADE), ""),
        (_p(_r("As argued (Smith, 2019).", WHITE + '<w:highlight w:val="black"/>')), ""),
        (
            "<w:tbl><w:tr><w:tc>"
            + _p(_r("As argued (Smith, 2019).", WHITE))
            + "</w:tc></w:tr></w:tbl>",
            "",
        ),
        (_p(_r("As argued (Smith, 2019).", WHITE)), '<w:background w:color="000000"/>'),
        (
            _p(
                _r(
                    "As argued (Smith, 2019).",
                    '<w:color w:val="F2F2F2"/>',
                )
            ),
            "",
        ),
        (
            _p(
                _r(
                    "As argued (Smith, 2019).",
                    '<w:color w:val="BFBFBF" w:themeColor="background1" w:themeShade="BF"/>',
                )
            ),
            "",
        ),
    ],
    ids=[
        "run-shading",
        "paragraph-shading",
        "highlight",
        "table-cell",
        "dark-page",
        "light-grey",
        "theme-white-darker",
    ],
)
def test_white_text_on_a_ground_is_read(tmp_path: Path, middle: str, page: str) -> None:
    uncited, notes = _audit(_docx(tmp_path / "a.docx", middle, page=page))
    assert uncited == []
    assert not any("not read" in n for n in notes)


def test_a_run_that_sets_its_own_colour_over_a_white_style_shows(tmp_path: Path) -> None:
    middle = _p(
        _r("As argued (Smith, 2019).", '<w:rStyle w:val="Ghost"/><w:color w:val="000000"/>')
    )
    uncited, notes = _audit(_docx(tmp_path / "a.docx", middle, WHITE_CHARACTER_STYLE))
    assert uncited == [] and notes == []


def test_footnotes_and_endnotes_show_and_are_read(tmp_path: Path) -> None:
    middle = _p(_r("Text.") + '<w:r><w:footnoteReference w:id="1"/></w:r>')
    notes_part = {
        "word/footnotes.xml": _part(
            "footnotes", '<w:footnote w:id="1">' + _p(_r("See (Smith, 2019).")) + "</w:footnote>"
        )
    }
    uncited, notes = _audit(_docx(tmp_path / "a.docx", middle, notes_part))
    assert uncited == [] and notes == []


def test_comments_and_alt_text_and_field_codes_are_no_text(tmp_path: Path) -> None:
    drawing = (
        '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
        'drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="p" '
        'descr="(Smith, 2019)"/></wp:inline></w:drawing></w:r>'
    )
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>QUOTE '
        '"(Smith, 2019)"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
        "</w:r>" + _r("shown") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    comments = {
        "word/comments.xml": _part(
            "comments", '<w:comment w:id="0">' + _p(_r("Cite (Smith, 2019)?")) + "</w:comment>"
        )
    }
    uncited, _ = _audit(_docx(tmp_path / "a.docx", _p(drawing) + _p(field), comments))
    assert len(uncited) == 1 and "Smith" in uncited[0]


def test_a_paragraph_without_a_style_takes_the_default_paragraph_style(tmp_path: Path) -> None:
    """Word gives a paragraph naming no style its default paragraph style ("Normal"):
    its size and colour stand over the document defaults."""
    styles = {
        "word/styles.xml": _part(
            "styles",
            f'<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="2"/>{WHITE}</w:rPr>'
            "</w:rPrDefault></w:docDefaults>"
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr>'
            '<w:color w:val="000000"/><w:sz w:val="24"/></w:rPr></w:style>',
        )
    }
    uncited, notes = _audit(_docx(tmp_path / "a.docx", _p(_r("As argued (Smith, 2019).")), styles))
    assert uncited == [] and notes == []
