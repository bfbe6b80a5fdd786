"""Word headers and footers a section prints are read, as lines of ``<path>#header1``:
a work cited only there is cited, as the editor sees it on every page; a header part
no section names never prints and cites nothing. (Needs r5v-document.diff and
r5v-docx.diff.)"""

from __future__ import annotations

import zipfile
from pathlib import Path

from citeaudit.audit import AuditInput, audit

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _findings(path: Path, section: str) -> list[str]:
    body = _p("Intro (Lee, 2001).") + _p("References")
    body += _p("Lee, A. (2001). A work on things. Journal of Things, 1, 2-3.")
    body += _p("Smith, B. (2019). Another work here. Journal of Things, 4, 5-6.")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="{W}" xmlns:r="{R}">'
            f"<w:body>{body}<w:sectPr>{section}</w:sectPr></w:body></w:document>",
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            f'<Relationships xmlns="{PKG}">'
            f'<Relationship Id="f1" Type="{R}/footer" Target="footer1.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "word/footer1.xml",
            f'<w:ftr xmlns:w="{W}">{_p("After (Smith, 2019).")}</w:ftr>',
        )
    result = audit(AuditInput(manuscripts=(path,)))
    return [f"{f.rule} {f.location}" for f in result.findings]


def test_a_printed_footer_is_read(tmp_path: Path) -> None:
    found = _findings(
        tmp_path / "a.docx", f'<w:footerReference w:type="default" r:id="f1" xmlns:r="{R}"/>'
    )
    assert not any(f.startswith("uncited-reference") for f in found), found


def test_a_footer_no_section_names_is_not(tmp_path: Path) -> None:
    found = _findings(tmp_path / "a.docx", "")
    assert [f for f in found if f.startswith("uncited-reference")] != []
