"""One decoding policy: manuscripts, bibliographies and uploads read the same bytes the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.bibliography.loading import read_text
from citeaudit.manuscript.reading import decode_text
from citeaudit.text_decoding import BinaryContent, decode_bytes

MIXED = "Intro in UTF-8: Müller\n".encode() + "Café (Müller, 2019)\n".encode("cp1252") + b"end\n"


def test_a_pasted_windows_1252_line_in_utf8_text_is_read_and_named() -> None:
    decoded = decode_bytes(MIXED)
    assert decoded.text == "Intro in UTF-8: Müller\nCafé (Müller, 2019)\nend\n"
    assert decoded.windows_1252 == (2,)
    assert decoded.replaced == ()


def test_bytes_windows_1252_leaves_undefined_become_replacement_characters() -> None:
    decoded = decode_bytes(b"ok\nbad \x81 here\nok\n")
    assert decoded.text.splitlines()[1] == "bad \ufffd here"
    assert decoded.replaced == (2,) and decoded.windows_1252 == ()


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"one\ntwo\nthree \x00 four", 3),
        (b"a\n" + bytes(range(1, 9)) * 3, 2),
    ],
)
def test_binary_content_is_refused_with_its_line(data: bytes, line: int) -> None:
    with pytest.raises(BinaryContent) as caught:
        decode_bytes(data)
    assert caught.value.line == line


def test_utf16_with_a_bom_and_a_damaged_unit() -> None:
    data = "ok\n".encode("utf-16-le") + b"\x00\xd8" + "x\n".encode("utf-16-le")
    decoded = decode_bytes(b"\xff\xfe" + data)
    assert decoded.utf16 and decoded.text.startswith("ok\n") and decoded.replaced == (2,)


def test_manuscript_and_bibliography_readers_decode_alike(tmp_path: Path) -> None:
    path = tmp_path / "same.txt"
    path.write_bytes(MIXED)
    lines, problems = decode_text(path)
    bib = read_text(path)
    assert "\n".join(lines) + "\n" == bib.text
    assert [p.line for p in problems] == [2]
    assert [p.location.line for p in bib.problems] == [2]
