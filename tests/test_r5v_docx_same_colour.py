"""Word text drawn in the colour of its ground (or nearly) is not read, and said: black
on black shading, yellow on a yellow highlight, navy on a navy paragraph or cell,
near-white on the white page. Only white on the white page was taken for unseen;
"(Smith, 2019)" as a black bar cited Smith's entry. Text with some contrast, with
Word's automatic colour, or on a ground not known here (a cell a table style may
shade) is read, as before."""

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
CITE = "As argued (Smith, 2019)."


def _p(inner: str, props: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{inner}</w:p>"


def _r(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _color(hex_color: str) -> str:
    return f'<w:color w:val="{hex_color}"/>'


def _shade(hex_color: str) -> str:
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{hex_color}"/>'


def _cell(inner: str, fill: str = "") -> str:
    props = f"<w:tcPr>{_shade(fill)}</w:tcPr>" if fill else ""
    return f"<w:tbl><w:tr><w:tc>{props}{inner}</w:tc></w:tr></w:tbl>"


# a solid pattern is drawn in its colour over a white fill; a 50% one mixes the two
SOLID_BLACK = '<w:shd w:val="solid" w:color="000000" w:fill="FFFFFF"/>'
PATTERNED = '<w:shd w:val="pct50" w:color="000000" w:fill="FFFFFF"/>'
STYLES = (
    f'<?xml version="1.0"?><w:styles xmlns:w="{W}">'
    '<w:style w:type="paragraph" w:styleId="Dark"><w:pPr>'
    f"{_shade('1F3864')}</w:pPr></w:style>"
    '<w:style w:type="character" w:styleId="Navy"><w:rPr>'
    f"{_color('1F3864')}</w:rPr></w:style></w:styles>"
)


def _audit(path: Path, middle: str) -> tuple[list[str], list[str]]:
    body = _p(_r("Intro as shown (Lee, 2001).")) + middle + _p(_r("References"))
    body += "".join(_p(_r(e)) for e in ENTRIES)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
        )
        archive.writestr("word/styles.xml", STYLES)
    result = audit(AuditInput(manuscripts=(path,)))
    uncited = [f.message for f in result.findings if f.rule == "uncited-reference"]
    notes = [f.message for f in result.findings if f.rule == "unreadable-input"]
    return uncited, notes


@pytest.mark.parametrize(
    "middle",
    [
        _p(_r(CITE, _color("000000") + _shade("000000"))),
        _p(_r(CITE, _color("FFFF00") + '<w:highlight w:val="yellow"/>')),
        _p(_r(CITE, _color("1F3864")), _shade("1F3864")),
        _p(_r(CITE, '<w:rStyle w:val="Navy"/>'), '<w:pStyle w:val="Dark"/>'),
        _p(_r(CITE, _color("FEFEFE"))),
        _cell(_p(_r(CITE, _color("C00000"))), fill="C00000"),
        _p(_r(CITE, _color("000000") + SOLID_BLACK)),
    ],
    ids=["black-bar", "highlight", "paragraph", "styles", "near-white", "cell", "solid-black"],
)
def test_text_the_colour_of_its_ground_cites_nothing(tmp_path: Path, middle: str) -> None:
    uncited, notes = _audit(tmp_path / "a.docx", middle)
    assert len(uncited) == 1 and "Smith" in uncited[0]
    assert len(notes) == 1 and "the colour of its ground" in notes[0]


@pytest.mark.parametrize(
    "middle",
    [
        _p(_r(CITE, _color("FFFFFF") + _shade("000000"))),
        _p(_r(CITE, _color("C00000"))),
        _p(_r(CITE, _color("DDDDDD"))),
        _p(_r(CITE, _color("auto") + _shade("000000"))),
        _p(_r(CITE, _shade("000000"))),
        _cell(_p(_r(CITE, _color("FFFFFF")))),
        _p(_r(CITE, '<w:rStyle w:val="Navy"/>' + _shade("FFFFFF")), '<w:pStyle w:val="Dark"/>'),
        _p(_r(CITE, _color("FFFFFF") + SOLID_BLACK)),
        _p(_r(CITE, _color("FFFFFF")), SOLID_BLACK),
        _p(_r(CITE, _color("FFFFFF") + PATTERNED)),
    ],
    ids=[
        "white-on-black",
        "red",
        "light-grey",
        "auto",
        "no-colour",
        "cell-style",
        "own-fill",
        "white-on-solid-black-run",
        "white-on-solid-black-paragraph",
        "white-on-a-pattern",
    ],
)
def test_text_with_contrast_still_cites(tmp_path: Path, middle: str) -> None:
    uncited, _ = _audit(tmp_path / "a.docx", middle)
    assert uncited == []


THIN_STYLE = (
    f'<?xml version="1.0"?><w:styles xmlns:w="{W}">'
    '<w:style w:type="character" w:styleId="Thin"><w:rPr><w:w w:val="5"/></w:rPr></w:style>'
    "</w:styles>"
)


@pytest.mark.parametrize(
    ("props", "seen"),
    [
        ('<w:w w:val="1"/>', False),
        ('<w:w w:val="10"/>', False),
        ('<w:rStyle w:val="Thin"/>', False),
        ('<w:w w:val="50"/>', True),
        ('<w:rStyle w:val="Thin"/><w:w w:val="100"/>', True),
    ],
    ids=["one-percent", "ten-percent", "thin-style", "half-width", "own-width-over-style"],
)
def test_text_squeezed_to_a_smear_cites_nothing(tmp_path: Path, props: str, seen: bool) -> None:
    """``w:w`` sets the letters' width in percent: at 10% or less they are drawn on top
    of each other, a smear no reader makes out -- a "zero-width font"."""
    path = tmp_path / "a.docx"
    body = _p(_r("Intro as shown (Lee, 2001).")) + _p(_r(CITE, props)) + _p(_r("References"))
    body += "".join(_p(_r(e)) for e in ENTRIES)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
        )
        archive.writestr("word/styles.xml", THIN_STYLE)
    result = audit(AuditInput(manuscripts=(path,)))
    uncited = [f.message for f in result.findings if f.rule == "uncited-reference"]
    notes = [f.message for f in result.findings if f.rule == "unreadable-input"]
    assert (uncited == []) is seen
    assert (notes == []) is seen
    if not seen:
        assert "squeezed to 10% of its width or less" in notes[0]
