"""expl33: a Word file whose text parts unpack far past any manuscript is refused by
their declared sizes, before anything is decompressed.

The package's own caps (200 MB unpacked, 1000:1 per part, tags per part) let a 540 KB
upload hold a body of 189 MB of text in a few thousand tags: it was unpacked and
parsed whole (756 MB resident, 10 s) for the 10 million characters the reader keeps.
Bytes unpacked are counted here (a spy on `docx._unpack`), never time.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from citeaudit.errors import InputError
from citeaudit.manuscript import docx
from citeaudit.manuscript.docx import DocxReader

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY = (
    "<w:p><w:r><w:t>Rates rose (Okafor, 2018).</w:t></w:r></w:p>"
    '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>References</w:t></w:r></w:p>'
    "<w:p><w:r><w:t>Okafor, N. (2018). A made-up paper. Journal, 1, 1-9.</w:t></w:r></w:p>"
)
_BIG = 70 * 1024 * 1024  # past the 64 MB the text parts may hold together


def _padding(size: int, repeats: int = 1000) -> bytes:
    """`size` bytes of text in runs of 9 MB (under lxml's cap on one text node), with
    noise enough that it compresses far under the 1000:1 the package refuses (under
    the upload handler's 200:1 with fewer `repeats`)."""
    chunk = b"Smith (2001) argued. " * repeats
    out = bytearray()
    while len(out) < size:
        out += chunk + os.urandom(32).hex().encode()
    text = bytes(out[:size])
    step = 9_000_000
    return b"".join(
        b"<w:p><w:r><w:t>" + text[at : at + step] + b"</w:t></w:r></w:p>"
        for at in range(0, len(text), step)
    )


def _document(body: bytes) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'.encode()
        + body
        + b"</w:body></w:document>"
    )


def _notes(body: bytes) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W}">'
        '<w:footnote w:id="1">'.encode()
        + body
        + b"</w:footnote></w:footnotes>"
    )


def _write(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _spy(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    unpacked: dict[str, int] = {}
    real = docx._unpack

    def counted(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
        data = real(archive, info)
        unpacked[info.filename] = len(data or b"")
        return data

    monkeypatch.setattr(docx, "_unpack", counted)
    return unpacked


def test_a_body_past_the_xml_bytes_is_refused_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "bomb.docx", {"word/document.xml": _document(_padding(_BIG))})
    assert path.stat().st_size < 2 * 1024 * 1024  # small on the wire
    unpacked = _spy(monkeypatch)
    with pytest.raises(InputError) as raised:
        DocxReader().read(path)
    assert "bomb.docx" in str(raised.value) and "word/document.xml" in str(raised.value)
    assert sum(unpacked.values()) == 0  # nothing decompressed


def test_notes_past_what_is_left_are_skipped_and_the_body_audited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(
        tmp_path / "notes.docx",
        {
            "word/document.xml": _document(BODY.encode()),
            "word/footnotes.xml": _notes(_padding(_BIG)),
        },
    )
    unpacked = _spy(monkeypatch)
    document, problems = DocxReader().read_with_problems(path)
    assert "word/footnotes.xml" not in unpacked
    assert sum(unpacked.values()) < 1024 * 1024
    assert any("word/footnotes.xml skipped" in p.message for p in problems)
    assert any("Okafor" in line.text for line in document.lines)


def test_the_upload_handler_refuses_a_body_past_the_xml_bytes(tmp_path: Path) -> None:
    """The worker would refuse it; the request handler says so at once (413)."""
    from citeaudit.api import uploads

    body = _document(_padding(_BIG, repeats=100))
    path = _write(tmp_path / "bomb.docx", {"word/document.xml": body})
    assert path.stat().st_size < 20 * 1024 * 1024  # under the upload cap
    with pytest.raises(uploads.UploadRejected) as raised:
        uploads._check_docx("bomb.docx", path.read_bytes(), 200 * 1024 * 1024)
    assert raised.value.status == 413 and "word/document.xml" in str(raised.value)
