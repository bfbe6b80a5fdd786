"""A Word part is unpacked to the size its directory declares, never past it.

The DOCX reader judges a package by its parts' *declared* sizes (200 MB together, no
part compressed past 1000:1) and then read each part it wants with
``handle.read(MAX_UNPACKED_BYTES + 1)``: zipfile hands the deflate decompressor that
bound (200 MB), not the part's declared size, and only cuts the output to the declared
size afterwards. So a part declaring a few hundred bytes unpacked 200 MB before the cut,
and each of the ~30 parts the reader reads (body, styles, numbering, notes, custom XML,
headers) could do it: gigabytes of inflating and a 200 MB peak from a 6 MB upload, all
under every size check. Each part is now read to its declared size.
"""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile
import zlib
from pathlib import Path

from citeaudit.manuscript.docx import DocxReader

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = (
    f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Rates rose (Okafor, 2018).'
    "</w:t></w:r></w:p></w:body></w:document>"
).encode()
STYLES = f'<w:styles xmlns:w="{W}"/>'.encode()
PAYLOAD = 48 * 1024 * 1024  # what the styles part really unpacks to


def _lying_docx(path: Path) -> Path:
    """A DOCX whose styles part declares only its short XML (CRC of that) but unpacks to
    `PAYLOAD` bytes: every size check sees a small, honest package."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", DOCUMENT)
        archive.writestr("word/styles.xml", STYLES + b" " * PAYLOAD)
    data = bytearray(buffer.getvalue())
    crc = zlib.crc32(STYLES)
    local = data.find(b"word/styles.xml") - 30
    assert data[local + 30 : local + 45] == b"word/styles.xml"
    struct.pack_into("<I", data, local + 14, crc)
    struct.pack_into("<I", data, local + 22, len(STYLES))
    at = data.find(b"PK\x01\x02")
    while at != -1:
        names = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + names] == b"word/styles.xml":
            struct.pack_into("<I", data, at + 16, crc)
            struct.pack_into("<I", data, at + 24, len(STYLES))
        at = data.find(b"PK\x01\x02", at + 46)
    target = path / "paper.docx"
    target.write_bytes(bytes(data))
    return target


def test_part_is_unpacked_only_to_its_declared_size(tmp_path: Path) -> None:
    docx = _lying_docx(tmp_path)
    tracemalloc.start()
    try:
        document = DocxReader().read(docx)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024, f"reading took {peak:,} bytes for a {len(STYLES)}-byte part"
    assert "Okafor, 2018" in "\n".join(line.text for line in document.lines)
