"""Red team files26: a Word upload whose parts point at a file on the server.

A .docx is a package of parts joined by relationships, and a relationship may name a
file outside the package (``TargetMode="External"``) or climb out of it with ``..``:
``w:altChunk`` (a part Word shows in place), ``w:subDoc`` (a master document's
chapter), ``w:attachedTemplate`` in the settings, hyperlinks, custom XML, headers and
footnotes, an ``INCLUDETEXT`` field (complex and simple) and an XInclude element. Read
by the service's own `read_files`, none of the 11 shapes took the file in when written
(the reader never follows a relationship): guards. The document's own text is read
(its reference list is found), so the package was not merely refused.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from citeaudit.model.codec import to_data
from citeaudit.service.inputs import read_files
from citeaudit.store.views import StoredFile

MARK = "QZF26DOCXSECRET"
_W = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_RELS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>'
)
_OWN_TEXT = (
    "<w:p><w:r><w:t>Text (Zyx, 2000).</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>References</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Zyx, A. (2000). Title. Journal.</w:t></w:r></w:p>"
)


def _docx(body: str, rels: str, settings_rels: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", _TYPES)
        package.writestr(
            "_rels/.rels",
            f'{_RELS}<Relationship Id="rId1" Type="{_R}officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        package.writestr(
            "word/document.xml",
            f"<w:document {_W}><w:body>{body}{_OWN_TEXT}</w:body></w:document>",
        )
        package.writestr("word/_rels/document.xml.rels", f"{_RELS}{rels}</Relationships>")
        if settings_rels:
            package.writestr(
                "word/settings.xml",
                f'<w:settings {_W}><w:attachedTemplate r:id="rT"/></w:settings>',
            )
            package.writestr(
                "word/_rels/settings.xml.rels", f"{_RELS}{settings_rels}</Relationships>"
            )
    return buffer.getvalue()


def _external(rid: str, kind: str, target: str) -> str:
    return f'<Relationship Id="{rid}" Type="{_R}{kind}" Target="{target}" TargetMode="External"/>'


def _shapes(s: str) -> dict[str, bytes]:
    uri = f"file://{s}/secret.txt"
    field = f' INCLUDETEXT "{s}/secret.txt" '
    return {
        "altchunk-external": _docx('<w:altChunk r:id="rA"/>', _external("rA", "aFChunk", uri)),
        "altchunk-climbing": _docx(
            '<w:altChunk r:id="rA"/>',
            f'<Relationship Id="rA" Type="{_R}aFChunk" Target="{"../" * 12}{s[1:]}/secret.txt"/>',
        ),
        "subdocument": _docx(
            '<w:p><w:subDoc r:id="rS"/></w:p>', _external("rS", "subDocument", f"{s}/secret.docx")
        ),
        "attached-template": _docx("", "", _external("rT", "attachedTemplate", uri)),
        "includetext-field": _docx(
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f"<w:r><w:instrText>{field}</w:instrText></w:r>"
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
            "",
        ),
        "includetext-simple-field": _docx(
            f'<w:p><w:fldSimple w:instr="{field.replace(chr(34), "&quot;")}">'
            "<w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>",
            "",
        ),
        "file-hyperlink": _docx(
            '<w:p><w:hyperlink r:id="rH"><w:r><w:t>see</w:t></w:r></w:hyperlink></w:p>',
            _external("rH", "hyperlink", uri),
        ),
        "custom-xml-external": _docx("", _external("rC", "customXml", uri)),
        "header-external": _docx("", _external("rD", "header", uri)),
        "footnotes-external": _docx("", _external("rF", "footnotes", uri)),
        "xinclude": _docx(
            '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
            f'href="{s}/secret.txt" parse="text"/>',
            "",
        ),
    }


@pytest.mark.parametrize("shape", sorted(_shapes("/s")))
def test_a_word_upload_takes_in_no_file_its_parts_name(shape: str, tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(f"{MARK} (Secret, 1999)\n", encoding="utf-8")
    (tmp_path / "secret.docx").write_bytes(_docx(f"<w:p><w:r><w:t>{MARK}</w:t></w:r></w:p>", ""))
    data = _shapes(str(tmp_path))[shape]
    answer = json.dumps(
        to_data(read_files([StoredFile("manuscript", "paper.docx", "docx", len(data), data)])),
        default=str,
    )
    assert MARK not in answer
    assert "Zyx" in answer  # the document's own text was read
