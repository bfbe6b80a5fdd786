"""Word links as shown and as they open (`manuscript.docx_links`), and deceptive-link
judging them: a hyperlink (or HYPERLINK field) printing one address or DOI and
opening another is the deceptive link BIB005 names in Markdown; Word's were unseen,
the target living apart from the text (a relationship, a field's instruction)."""

from __future__ import annotations

from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from citeaudit.audit_data import AuditData
from citeaudit.manuscript.document import Document, Line
from citeaudit.manuscript.docx_links import ShownLink, link_targets, paragraph_links
from citeaudit.model.location import Location
from citeaudit.rules.bibliography.deceptive_link import DeceptiveLink

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _rels(*pairs: tuple[str, str, str]) -> Any:
    inner = "".join(
        f'<Relationship Id="{i}" Type="{R}/{kind}" Target="{t}" TargetMode="External"/>'
        for i, kind, t in pairs
    )
    return etree.fromstring(f'<Relationships xmlns="{PKG}">{inner}</Relationships>')


def _paragraph(inner: str) -> Any:
    return etree.fromstring(f'<w:p xmlns:w="{W}" xmlns:r="{R}">{inner}</w:p>')


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _field(instruction: str, result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f"<w:r><w:instrText>{instruction}</w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'{result}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_relationships_give_external_web_hyperlinks_only() -> None:
    rels = _rels(
        ("rId1", "hyperlink", "https://example.org/a"),
        ("rId2", "image", "https://example.org/pic.png"),
        ("rId3", "hyperlink", "file:///etc/passwd"),
    )
    assert link_targets(rels) == {"rId1": "https://example.org/a"}
    assert link_targets(None) == {}


def test_a_hyperlink_s_text_and_its_relationship_s_target() -> None:
    paragraph = _paragraph(
        _r("See ")
        + '<w:hyperlink r:id="rId1">'
        + _r("https://doi.org/")
        + _r("10.5555/abc")
        + "<w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:hyperlink>"
        + '<w:hyperlink r:id="rMissing">'
        + _r("x")
        + "</w:hyperlink>"
    )
    found = paragraph_links(paragraph, {"rId1": "https://elsewhere.example/x"})
    assert found == [("https://doi.org/10.5555/abc", "https://elsewhere.example/x")]


def test_hyperlink_fields_simple_and_complex() -> None:
    paragraph = _paragraph(
        _field(' HYPERLINK "https://elsewhere.example/y" \\o "tip" ', _r("doi:10.5555/abc"))
        + _field(' HYPERLINK \\l "bookmark" ', _r("Section 2"))
        + _field(" QUOTE x ", _r("https://example.org"))
        + '<w:fldSimple w:instr=" HYPERLINK https://example.org/z ">'
        + _r("https://example.org/z")
        + "</w:fldSimple>"
    )
    found = paragraph_links(paragraph, {})
    assert sorted(found) == [
        ("doi:10.5555/abc", "https://elsewhere.example/y"),
        ("https://example.org/z", "https://example.org/z"),
    ]


def test_a_paragraph_of_many_links_is_bounded() -> None:
    many = ('<w:hyperlink r:id="rId1">' + _r("https://example.org") + "</w:hyperlink>") * 500
    assert len(paragraph_links(_paragraph(many), {"rId1": "https://example.org"})) == 64


def _judged(links: tuple[ShownLink, ...]) -> list[str]:
    document = Document(
        path="a.docx", format="docx", lines=(Line("a.docx", 1, "Text."),), shown_links=links
    )
    data = AuditData(manuscripts=(document,), bibliographies=(), citations=(), matches=())
    return [f.message for f in DeceptiveLink().check(data)]


def test_deceptive_link_judges_links_kept_apart() -> None:
    where = Location("a.docx", 3, unit="paragraph")
    found = _judged(
        (
            ShownLink(where, "https://doi.org/10.5555/abc", "https://elsewhere.example/x"),
            ShownLink(where, "https://example.org/page.", "https://www.example.org/page/"),
            ShownLink(where, "the journal's page", "https://elsewhere.example/x"),
            ShownLink(where, "10.5555/XYZ", "https://doi.org/10.5555/xyz"),
            ShownLink(where, "doi:10.5555/Q1", "https://publisher.example/doi/full/10.5555/q1"),
            ShownLink(where, "doi:10.5555/q", "https://publisher.example/doi/full/10.5555/q1"),
        )
    )
    assert found == [
        "the link shows https://doi.org/10.5555/abc but opens https://elsewhere.example/x: "
        "a reader who clicks it reaches another address than the one printed",
        "the link shows doi:10.5555/q but opens https://publisher.example/doi/full/10.5555/q1: "
        "a reader who clicks it reaches another address than the one printed",
    ]


def test_a_text_box_s_second_copy_and_deleted_links_are_not_read() -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    link = '<w:hyperlink r:id="rId1">' + _r("https://doi.org/10.5555/abc") + "</w:hyperlink>"
    box = f"<w:r><w:pict><w:txbxContent><w:p>{link}</w:p></w:txbxContent></w:pict></w:r>"
    paragraph = etree.fromstring(
        f'<w:p xmlns:w="{W}" xmlns:r="{R}" xmlns:mc="{mc}" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<mc:AlternateContent><mc:Choice Requires="wps">{box}</mc:Choice>'
        f"<mc:Fallback>{box}</mc:Fallback></mc:AlternateContent>"
        f"<w:del>{link}</w:del></w:p>"
    )
    found = paragraph_links(paragraph, {"rId1": "https://elsewhere.example/x"})
    assert found == [("https://doi.org/10.5555/abc", "https://elsewhere.example/x")]
