"""Damaged encodings are read around, never a traceback and never a lost file."""

from __future__ import annotations

import codecs
from pathlib import Path

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.bibliography.loading import read_text
from citeaudit.manuscript.reading import decode_text
from citeaudit.model.location import Location

_LONE = b"\x00\xd8"  # a high surrogate with no low one after it, UTF-16-LE


def _utf16_le(lines: list[str], damaged_line: int) -> bytes:
    out = bytearray(codecs.BOM_UTF16_LE)
    for number, line in enumerate(lines, start=1):
        if number == damaged_line:
            out += _LONE
        out += (line + "\n").encode("utf-16-le")
    return bytes(out)


def test_free_text_parser_survives_a_lone_surrogate() -> None:
    reference = parse_reference(
        "Lindqvist, A. (2020) \ud800 Winter roads. Nordic Transport, 4, 1-9.",
        id="r",
        index=1,
        location=Location("refs.txt", 1),
    )
    assert reference.year == 2020
    assert "\ud800" not in reference.raw


def test_bibliography_in_utf16_with_a_damaged_line_is_read_and_the_line_named(
    tmp_path: Path,
) -> None:
    path = tmp_path / "refs.bib"
    lines = ["@article{a,", "  title = {First},", "  year = 2020", "}", "@book{b, title={Second}}"]
    path.write_bytes(_utf16_le(lines, damaged_line=2))
    decoded = read_text(path)
    assert "@book{b" in decoded.text and "@article{a" in decoded.text
    assert [p.location.line for p in decoded.problems] == [2]


def test_manuscript_in_utf16_with_a_damaged_line_is_read_and_the_line_named(
    tmp_path: Path,
) -> None:
    path = tmp_path / "paper.md"
    lines = ["# Title", "", "As Lindqvist (2020) shows.", "", "Later text."]
    path.write_bytes(_utf16_le(lines, damaged_line=3))
    text_lines, problems = decode_text(path)
    assert text_lines[-1] == "Later text."
    assert [p.line for p in problems] == [3]
