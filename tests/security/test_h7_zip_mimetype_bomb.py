"""Red team H7: a 1.6 KB ".docx" must not unpack gigabytes while its kind is named.

A ZIP without ``word/document.xml`` is told apart from an OpenDocument or EPUB file by
its ``mimetype`` member (`manuscript.zip_kind.other_package`), read whatever its
compression method. Python's zipfile gives bzip2 and LZMA members each compressed
chunk to the decompressor without an output bound (only deflate has one), so a
``mimetype`` declared 30 bytes long whose bzip2 stream holds 2,000 MB of zeros is 1.6
KB on disk and took `citeaudit check paper.docx` to 4 GB and 10 s of CPU (no ceiling
in the CLI: a fork's pull request checked in CI). The service refuses such an upload
before reading (no ``word/document.xml``); the CLI reads it. What is counted here is
the bytes the decompressor handed out (a 64 MB stream, so the failing run stays
small): naming the kind of a ZIP needs a hundred bytes at most.
"""

from __future__ import annotations

import bz2
import io
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import Phase

HUGE = 64 * 2**20  # zeros in the bzip2 stream (compressed: about a hundred bytes)
_REAL = bz2.BZ2Decompressor


class _Counted:
    """bz2's decompressor, counting what it gives out."""

    given = 0

    def __init__(self) -> None:
        self._inner = _REAL()

    def decompress(self, data: bytes, max_length: int = -1) -> bytes:
        out = self._inner.decompress(data, max_length)
        _Counted.given += len(out)
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _bomb(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), b"\0" * HUGE, compress_type=zipfile.ZIP_BZIP2)
    data = bytearray(buffer.getvalue())
    # the sizes a hostile file declares: 30 bytes, in the local header and the directory
    struct.pack_into("<I", data, data.find(b"PK\x03\x04") + 22, 30)
    struct.pack_into("<I", data, data.find(b"PK\x01\x02") + 24, 30)
    path.write_bytes(bytes(data))


def test_naming_a_zips_kind_unpacks_next_to_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paper = tmp_path / "paper.docx"
    _bomb(paper)
    assert paper.stat().st_size < 4_000
    monkeypatch.setattr(bz2, "BZ2Decompressor", _Counted)
    _Counted.given = 0
    result = audit(
        AuditInput((paper,), ()),
        skipped={Phase.RESOLUTION: "offline", Phase.LINKS: "offline"},
    )
    [problem] = [f for f in result.findings if "paper.docx" in str(f.location.file)]
    assert "not a DOCX file" in problem.message
    assert _Counted.given <= 1_000_000, f"{_Counted.given:,} bytes unpacked to name the file"
