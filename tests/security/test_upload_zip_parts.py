"""A ZIP that lists hundreds of thousands of parts is refused before they are listed.

`zipfile` builds a record for every part the central directory lists as soon as it
opens an archive. The cap on parts was checked on that list, after the work: a 20 MB
upload of bare 47-byte records (400,000 parts) cost ~8 s of the request handler's CPU
and ~200 MB, per file. The tests count the records `zipfile` builds (its `ZipInfo`,
counted through a subclass), from the API upload and from the CLI, and hold them to the
cap, not to the size of the file.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from citeaudit.cli import main
from citeaudit.manuscript.zip_directory import MAX_PARTS, parts_past
from tests.security.upload_site import Site, site

__all__ = ["site"]  # the fixture, imported for pytest

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = (
    f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Rates rose (Okafor, 2018).'
    "</w:t></w:r></w:p></w:body></w:document>"
).encode()
LISTED = 12 * MAX_PARTS  # ~3 MB of directory


def flood(parts: int, prefix: bytes = b"", *, zip64: bool = False) -> bytes:
    """A DOCX whose directory lists `parts` parts, all but the first pointing at it;
    `zip64`: ended by the zip64 end records (as past 65,535 parts)."""
    name = b"word/document.xml"
    crc, size = zlib.crc32(DOCUMENT), len(DOCUMENT)
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0, crc, size, size, len(name), 0)
    body = local + name + DOCUMENT
    records = bytearray()
    for i in range(parts):
        listed = name if i == 0 else b"%x" % i
        records += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0, crc, size, size,
            len(listed), 0, 0, 0, 0, 0, 0,
        ) + listed  # fmt: skip
    count = min(parts, 0xFFFF)  # the end record's count may lie; zipfile walks the bytes
    tail = b""
    if zip64:
        at = len(prefix + body) + len(records)
        tail = struct.pack(
            "<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, parts, parts, len(records), len(body)
        ) + struct.pack("<IIQI", 0x07064B50, 0, at, 1)  # fmt: skip
        count = 0xFFFF
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(records), len(body), 0)
    return prefix + body + bytes(records) + tail + end


class _Counted(zipfile.ZipInfo):
    made = 0

    def __init__(self, *args: object, **kwargs: object) -> None:
        type(self).made += 1
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> type[_Counted]:
    _Counted.made = 0
    monkeypatch.setattr(zipfile, "ZipInfo", _Counted)
    return _Counted


def test_the_upload_route_refuses_a_flood_of_parts_before_listing_them(
    site: Site, counted: type[_Counted]
) -> None:
    response = site.client.post(
        "/api/v1/audits",
        files=[("manuscript", ("paper.docx", flood(LISTED)))],
        data={"offline": "true"},
        headers=site.auth,
    )
    assert response.status_code == 413, response.text
    assert f"more than {MAX_PARTS} parts" in response.json()["detail"]
    assert counted.made <= MAX_PARTS + 1


def test_the_cli_refuses_a_flood_of_parts_before_listing_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], counted: type[_Counted]
) -> None:
    path = tmp_path / "paper.docx"
    path.write_bytes(flood(LISTED))
    code = main(["check", str(path), "--offline", "--format", "json"])
    err = capsys.readouterr().err
    assert code == 2 and "paper.docx" in err and f"more than {MAX_PARTS} parts" in err
    assert "Traceback" not in err
    assert counted.made <= MAX_PARTS + 1


@pytest.mark.parametrize("prefix", [b"", b"#!/bin/sh\n" * 50])
def test_a_document_at_the_cap_is_still_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], prefix: bytes
) -> None:
    """The count finds the directory where zipfile does, data prepended or not."""
    path = tmp_path / "paper.docx"
    path.write_bytes(flood(MAX_PARTS, prefix))
    assert parts_past(io.BytesIO(path.read_bytes())) is None
    assert parts_past(io.BytesIO(flood(MAX_PARTS + 1, prefix))) == MAX_PARTS + 1
    assert main(["check", str(path), "--offline", "--format", "json"]) in (0, 1)
    assert json.loads(capsys.readouterr().out)["summary"]["citations"] == 1


def test_the_count_agrees_with_zipfile_for_zip64_archives() -> None:
    """Past 65,535 parts an archive ends with the zip64 end records; the count reads
    them where zipfile does."""
    at_cap = flood(MAX_PARTS, zip64=True)
    with zipfile.ZipFile(io.BytesIO(at_cap)) as archive:
        assert len(archive.infolist()) == MAX_PARTS  # a well-formed zip64 archive
    assert parts_past(io.BytesIO(at_cap)) is None
    assert parts_past(io.BytesIO(flood(MAX_PARTS + 1, zip64=True))) == MAX_PARTS + 1
    assert parts_past(io.BytesIO(flood(LISTED, b"MZ" * 99, zip64=True))) == MAX_PARTS + 1


def test_a_refusal_shows_only_a_short_part_of_the_name_a_zip_gives(site: Site) -> None:
    """A refused upload's own words -- here a part's name in the ZIP, 60,000 characters --
    come back shortened: a refusal is no echo of kilobytes the sender chose."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", DOCUMENT)
        archive.writestr("B" * 60_000, bytes(3 * 2**20))  # a 3 MB part compressed ~1000:1
    response = site.client.post(
        "/api/v1/audits",
        files=[("manuscript", ("paper.docx", buffer.getvalue()))],
        data={"offline": "true"},
        headers=site.auth,
    )
    assert response.status_code == 413, response.text[:300]
    assert "zip bomb" in response.text and len(response.text) < 1_000
