"""A DOCX whose directory records carry extra fields of thousands of sub-fields is refused
before `zipfile` lists its parts.

`zipfile` decodes every record's extra field when it opens an archive, one sub-field
at a time, copying the rest of the field after each (``extra = extra[ln+4:]``): the
work is quadratic in a field's sub-fields. A 20 MB upload of 300 records, each with a
64 KB extra field of empty 4-byte sub-fields, cost ~4.5 s of the request handler's CPU
(in the upload check) and as much again in the worker that read it -- under the cap on
parts. Real writers put a few sub-fields in a record (a zip64 size, a timestamp, NTFS
times), so a record with more than `MAX_EXTRA_FIELDS` is refused, from the API and from
the CLI, and `zipfile` never sees it. The tests make `zipfile` unopenable while the
refusal is asked for: a refusal that came after its work would fail them.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from citeaudit.api.uploads import UploadRejected, check_upload
from citeaudit.errors import InputError
from citeaudit.manuscript.docx import DocxReader
from citeaudit.manuscript.zip_directory import MAX_EXTRA_FIELDS
from tests.security.upload_site import Site, site

__all__ = ["site"]  # the fixture, imported for pytest

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = (
    f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Rates rose (Okafor, 2018).'
    "</w:t></w:r></w:p><w:p><w:r><w:t>References</w:t></w:r></w:p><w:p><w:r><w:t>"
    "Okafor, N. (2018). Inside work. Journal, 1, 1-9.</w:t></w:r></w:p></w:body></w:document>"
).encode()
EXPANDED = 64 * 1024 * 1024


def _docx(extra: bytes, records: int = 3) -> bytes:
    """A DOCX whose central directory gives `records` parts the extra field `extra` (the
    local headers keep none: only the directory, which `zipfile` decodes on opening)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", DOCUMENT)
        for i in range(records):
            archive.writestr(f"word/media/part{i}.bin", b"x")
    data = bytearray(buffer.getvalue())
    end = data.rfind(b"PK\x05\x06")
    size, offset = struct.unpack_from("<II", data, end + 12)
    directory, rebuilt, at = bytes(data[offset : offset + size]), bytearray(), 0
    while at < len(directory):
        names, extras, comments = struct.unpack_from("<HHH", directory, at + 28)
        record = bytearray(directory[at : at + 46])
        name = directory[at + 46 : at + 46 + names]
        given = extra if name.startswith(b"word/media/") else b""
        struct.pack_into("<H", record, 30, len(given))
        rebuilt += record + name + given
        at += 46 + names + extras + comments
    tail = bytearray(data[end:])
    struct.pack_into("<II", tail, 12, len(rebuilt), offset)
    return bytes(data[:offset] + rebuilt + tail)


def _fields(count: int) -> bytes:
    return b"\x99\x99\x00\x00" * count  # empty sub-fields of an unknown kind


CROWDED = _docx(_fields(16_000))


def _unopenable(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("zipfile opened an archive whose directory should be refused")

    monkeypatch.setattr(zipfile, "ZipFile", refuse)


def test_the_upload_check_refuses_crowded_extra_fields_before_zipfile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _unopenable(monkeypatch)
    with pytest.raises(UploadRejected) as refused:
        check_upload("manuscript", "paper.docx", "", CROWDED, max_expanded=EXPANDED)
    assert refused.value.status == 413
    assert "extra field" in refused.value.message and "paper.docx" in refused.value.message


def test_the_docx_reader_refuses_crowded_extra_fields_before_zipfile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "paper.docx"
    path.write_bytes(CROWDED)
    _unopenable(monkeypatch)
    with pytest.raises(InputError) as refused:
        DocxReader().read_with_problems(path)
    assert "extra field" in str(refused.value)


def test_the_cap_is_on_sub_fields_not_on_the_field_s_bytes(tmp_path: Path) -> None:
    """One large sub-field (an alignment pad) costs one step: it is read. Sub-fields at
    the cap are read; one more is refused."""
    padded = _docx(struct.pack("<HH", 0xD935, 60_000) + bytes(60_000))
    at_cap = _docx(_fields(MAX_EXTRA_FIELDS))
    past = _docx(_fields(MAX_EXTRA_FIELDS + 1))
    for data in (padded, at_cap):
        check_upload("manuscript", "paper.docx", "", data, max_expanded=EXPANDED)
        path = tmp_path / "ok.docx"
        path.write_bytes(data)
        document, _ = DocxReader().read_with_problems(path)
        assert any("Okafor" in line.text for line in document.lines)
    with pytest.raises(UploadRejected):
        check_upload("manuscript", "paper.docx", "", past, max_expanded=EXPANDED)


def test_real_writers_extra_fields_are_read(tmp_path: Path) -> None:
    """Info-ZIP's timestamp and Unix ids, NTFS times, a zip64 field: as Word, LibreOffice,
    Java and zip(1) write them."""
    buffer = io.BytesIO()
    timestamp = struct.pack("<HHBI", 0x5455, 5, 1, 1_600_000_000)
    unix = struct.pack("<HHBBIBI", 0x7875, 11, 1, 4, 1000, 4, 1000)
    ntfs = struct.pack("<HHIHHQQQ", 0x000A, 32, 0, 1, 24, 1, 2, 3)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        info = zipfile.ZipInfo("word/document.xml")
        info.extra = timestamp + unix + ntfs
        archive.writestr(info, DOCUMENT, zipfile.ZIP_DEFLATED)
        with archive.open("word/media/big.bin", "w", force_zip64=True) as member:
            member.write(b"x")
    data = buffer.getvalue()
    check_upload("manuscript", "paper.docx", "", data, max_expanded=EXPANDED)
    path = tmp_path / "paper.docx"
    path.write_bytes(data)
    document, _ = DocxReader().read_with_problems(path)
    assert any("Okafor" in line.text for line in document.lines)


def test_the_service_answers_a_crowded_upload_with_413(site: Site) -> None:
    response = site.client.post(
        "/api/v1/audits",
        files=[("manuscript", ("paper.docx", CROWDED))],
        data={"offline": "true"},
        headers=site.auth,
    )
    assert response.status_code == 413, response.text
    assert "extra field" in response.text
