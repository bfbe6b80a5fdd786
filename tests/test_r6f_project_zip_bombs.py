"""A project ZIP's member is unpacked to the size its directory declares, never past it.

`api/project_zip.py` unpacks a LaTeX or Pandoc project sent as one ``.zip`` in the API
process, before any worker limit applies. It judged the members by their *declared*
sizes (sum, ratio) and then read each whole with ``archive.read``: zipfile asks the
deflate decompressor for up to 2 GB at once and the bzip2 and LZMA decompressors for
everything, and only cuts the output to the declared size afterwards. A 397-byte
upload whose bzip2 ``main.tex`` declares 100 bytes took the API process to 600 MB; a
20 MB one unpacks without end. Now only stored and deflated members are read (every
writer of a TeX project uses them; a Word file's parts are held to the same two), and
each to at most its declared size, so the declared sizes the limits judged are the
bytes unpacked.
"""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile
import zlib

import pytest

from citeaudit.api.project_zip import ProjectRefused, project_files

HEAD = b"\\documentclass{article}\n\\begin{document}Rates rose \\cite{okafor18}.\n"
DECLARED = len(HEAD)
PAYLOAD = 40 * 1024 * 1024  # what the member really unpacks to
EXPANDED = 100_000_000


def _lying_zip(method: int, name: str = "main.tex") -> bytes:
    """A ZIP whose one member unpacks to `PAYLOAD` bytes but declares only its head (its
    CRC that of the head, so zipfile finds nothing wrong in what it keeps)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        archive.writestr(name, HEAD + b" " * PAYLOAD)
    data = bytearray(buffer.getvalue())
    crc = zlib.crc32(HEAD)
    directory = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, directory + 16, crc)
    struct.pack_into("<I", data, directory + 24, DECLARED)
    struct.pack_into("<I", data, 14, crc)
    struct.pack_into("<I", data, 22, DECLARED)
    return bytes(data)


def _peak(data: bytes) -> tuple[list[tuple[str, bytes]] | ProjectRefused | None, int]:
    tracemalloc.start()
    try:
        try:
            result: list[tuple[str, bytes]] | ProjectRefused | None = project_files(
                "project.zip", data, EXPANDED
            )
        except ProjectRefused as refused:
            result = refused
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_deflated_member_is_unpacked_only_to_its_declared_size() -> None:
    result, peak = _peak(_lying_zip(zipfile.ZIP_DEFLATED))
    assert peak < 16 * 1024 * 1024, f"unpacking took {peak:,} bytes for a {DECLARED}-byte file"
    assert not isinstance(result, ProjectRefused)
    assert result == [("main.tex", HEAD)]


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_member_in_a_method_without_an_output_bound_is_refused_unread(method: int) -> None:
    result, peak = _peak(_lying_zip(method))
    assert peak < 16 * 1024 * 1024, f"unpacking took {peak:,} bytes for a {DECLARED}-byte file"
    assert isinstance(result, ProjectRefused)
    assert result.status == 422
    assert "main.tex" in result.message and "compression" in result.message


def test_honest_project_is_still_read() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("paper/main.tex", HEAD + b"\\bibliography{refs}\n\\end{document}\n")
        archive.writestr("paper/refs.bib", b"@article{okafor18, title={Inside work}}\n")
        archive.writestr("paper/fig.png", b"\x89PNG")
    files = project_files("project.zip", buffer.getvalue(), EXPANDED)
    assert files is not None
    assert [name for name, _ in files] == ["main.tex", "refs.bib"]
    assert files[1][1] == b"@article{okafor18, title={Inside work}}\n"
