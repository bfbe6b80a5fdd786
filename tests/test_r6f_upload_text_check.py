"""The upload check decodes a text file's head, not the whole of it, in the API process.

`api/uploads._check_text` decoded every text upload whole to refuse binary or empty
files before storing them. A file that is not UTF-8 is decoded line by line (each line
a `bytes`, a `str`, a line number kept), so 20 MB of two-byte lines ``b"\\xff\\n"``
took the API process -- which has no memory ceiling and no time limit, unlike a worker
-- 25 s of CPU and 2.3 GB, for each upload of a request. The check now decodes the
head (a quarter of a megabyte, cut at a line end), where the readers' sniff for binary
looks, finds a NUL in the rest by a byte search (the policy's other binary rule), and
calls a file empty only when the rest is blank bytes. The readers decode the whole
file in the worker, under its limits, and say what they find.
"""

from __future__ import annotations

import codecs
import tracemalloc

import pytest

from citeaudit.api.uploads import UploadRejected, check_upload
from citeaudit.text_decoding import BinaryContent, decode_bytes

EXPANDED = 100_000_000


def _checked(data: bytes, name: str = "paper.md") -> str:
    return check_upload("manuscript", name, "text/markdown", data, max_expanded=EXPANDED).kind


def test_many_short_lines_not_utf8_are_checked_in_bounded_memory() -> None:
    data = b"\xff\n" * 500_000  # Windows-1252 'ÿ' lines, one megabyte
    tracemalloc.start()
    try:
        kind = _checked(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert kind == "text"
    assert peak < 16 * 1024 * 1024, f"checking a 1 MB upload took {peak:,} bytes"


def test_carriage_return_lines_are_cut_too() -> None:
    data = b"\xff\r" * 500_000
    tracemalloc.start()
    try:
        kind = _checked(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert kind == "text"
    assert peak < 16 * 1024 * 1024, f"checking a 1 MB upload took {peak:,} bytes"


def test_a_nul_past_the_head_is_refused_at_the_readers_line() -> None:
    data = b"\xff text\n" * 300_000 + b"tail \x00 here\n"
    with pytest.raises(BinaryContent) as read:
        decode_bytes(data)
    with pytest.raises(UploadRejected) as refused:
        _checked(data)
    assert refused.value.status == 415
    assert f"binary content from line {read.value.line}," in refused.value.message


def test_binary_head_and_blank_files_are_still_refused() -> None:
    with pytest.raises(UploadRejected) as binary:
        _checked(b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 2000)
    assert binary.value.status == 415
    with pytest.raises(UploadRejected) as blank:
        _checked(b" \n\t\r\n" * 200_000)
    assert blank.value.status == 422
    with pytest.raises(UploadRejected) as blank_1252:
        _checked(b"\xa0\n")  # a no-break space in Windows-1252: blank to the readers
    assert blank_1252.value.status == 422


def test_text_after_a_blank_head_and_utf16_are_accepted() -> None:
    assert _checked(b"\n" * 400_000 + b"Rates rose (Okafor, 2018).\n") == "text"
    assert _checked(b" " * 400_000 + b"\xe9t\xe9 (Okafor, 2018).\n") == "text"
    utf16 = codecs.BOM_UTF16_LE + "Rates rose (Okafor, 2018).\n".encode("utf-16-le") * 50_000
    assert _checked(utf16) == "text"
