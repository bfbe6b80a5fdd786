"""Which Word header and footer parts print (`docx_headers.shown_page_parts`): those a
section names through the relationships -- the first page's only under ``titlePg`` --
each once; a part no section names (left in the package) never prints."""

from __future__ import annotations

from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from citeaudit.manuscript.docx_headers import page_part_file, shown_page_parts

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
RELS = etree.fromstring(
    f'<Relationships xmlns="{PKG}">'
    f'<Relationship Id="h1" Type="{R}/header" Target="header1.xml"/>'
    f'<Relationship Id="h2" Type="{R}/header" Target="header2.xml"/>'
    f'<Relationship Id="f1" Type="{R}/footer" Target="/word/footer1.xml"/>'
    f'<Relationship Id="x" Type="{R}/header" Target="https://example.org/h.xml" '
    'TargetMode="External"/>'
    f'<Relationship Id="up" Type="{R}/header" Target="../header9.xml"/>'
    "</Relationships>"
)


def _body(*sections: str) -> Any:
    inner = "".join(f"<w:sectPr>{s}</w:sectPr>" for s in sections)
    return etree.fromstring(f'<w:body xmlns:w="{W}" xmlns:r="{R}"><w:p/>{inner}</w:body>')


def _ref(kind: str, rid: str, of: str = "header") -> str:
    return f'<w:{of}Reference w:type="{kind}" r:id="{rid}"/>'


def test_the_parts_sections_name_print_once_each() -> None:
    body = _body(
        _ref("default", "h1") + _ref("default", "f1", "footer"),
        _ref("default", "h1") + _ref("even", "h2"),
    )
    assert shown_page_parts(body, RELS) == [
        "word/header1.xml",
        "word/footer1.xml",
        "word/header2.xml",
    ]


def test_the_first_page_s_header_prints_only_under_title_page() -> None:
    assert shown_page_parts(_body(_ref("first", "h2")), RELS) == []
    titled = _body(_ref("first", "h2") + "<w:titlePg/>")
    assert shown_page_parts(titled, RELS) == ["word/header2.xml"]
    off = _body(_ref("first", "h2") + '<w:titlePg w:val="0"/>')
    assert shown_page_parts(off, RELS) == []


def test_unnamed_external_and_outside_parts_do_not_print() -> None:
    assert shown_page_parts(_body(_ref("default", "x") + _ref("default", "up")), RELS) == []
    assert shown_page_parts(_body(_ref("default", "missing")), RELS) == []
    assert shown_page_parts(_body(), RELS) == []
    assert shown_page_parts(_body(_ref("default", "h1")), None) == []


def test_a_part_s_lines_are_named_after_it() -> None:
    assert page_part_file("a.docx", "word/footer3.xml") == "a.docx#footer3"
