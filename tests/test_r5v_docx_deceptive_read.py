"""A Word hyperlink (or HYPERLINK field) whose text is one address or DOI and whose
target another is reported by deceptive-link, at its paragraph; one that opens what it
shows, or whose text is words, is not. The reader kept no link targets, so Word's
deceptive links went unseen. (Needs r5v-document.diff and r5v-docx.diff.)"""

from __future__ import annotations

import zipfile
from pathlib import Path

from citeaudit.audit import AuditInput, audit

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _p(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _link(rid: str, text: str) -> str:
    return f'<w:hyperlink r:id="{rid}">{_r(text)}</w:hyperlink>'


def _field(target: str, text: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText> HYPERLINK "{target}" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'{_r(text)}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _deceptive(path: Path, body: str, rels: dict[str, str], rels_part: str = "") -> list[str]:
    body = _p(_r("Intro (Lee, 2001).")) + body + _p(_r("References"))
    body += _p(_r("Lee, A. (2001). A work on things. Journal of Things, 1, 2-3."))
    relationships = "".join(
        f'<Relationship Id="{i}" Type="{R}/hyperlink" Target="{t}" TargetMode="External"/>'
        for i, t in rels.items()
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="{W}" xmlns:r="{R}">'
            f"<w:body>{body}</w:body></w:document>",
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            rels_part or f'<Relationships xmlns="{PKG}">{relationships}</Relationships>',
        )
    result = audit(AuditInput(manuscripts=(path,)))
    return [f"{f.location} {f.message}" for f in result.findings if f.rule == "deceptive-link"] + [
        f.message for f in result.findings if f.rule == "unreadable-input"
    ]


def test_a_hyperlink_showing_another_address_is_reported(tmp_path: Path) -> None:
    found = _deceptive(
        tmp_path / "a.docx",
        _p(_r("See ") + _link("rId1", "https://doi.org/10.5555/abc"))
        + _p(_field("https://elsewhere.example/y", "doi:10.5555/def")),
        {"rId1": "https://elsewhere.example/x"},
    )
    assert len(found) == 2
    assert "paragraph 2" in found[0] and "opens https://elsewhere.example/x" in found[0]
    assert "paragraph 3" in found[1] and "shows doi:10.5555/def" in found[1]


def test_hyperlinks_opening_what_they_show_are_not(tmp_path: Path) -> None:
    found = _deceptive(
        tmp_path / "a.docx",
        _p(
            _link("rId1", "https://example.org/page")
            + _link("rId2", "the journal")
            + _field("https://doi.org/10.5555/ABC", "https://doi.org/10.5555/abc")
        ),
        {"rId1": "https://www.example.org/page/", "rId2": "https://elsewhere.example/x"},
    )
    assert found == []


def test_a_damaged_relationships_part_is_said(tmp_path: Path) -> None:
    found = _deceptive(tmp_path / "a.docx", _p(_r("Text.")), {}, rels_part="<Relationships")
    assert len(found) == 1 and "hyperlinks' targets not checked" in found[0]
