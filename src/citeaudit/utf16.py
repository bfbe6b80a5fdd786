"""Lenient UTF-16 decoding shared by the manuscript and bibliography readers.

A UTF-16 file with one broken code unit (a lone surrogate, an odd trailing byte) is
almost always a good file with one damaged character -- an editor's export cut short,
two exports glued together. Refusing the whole file would lose every good entry, so
the bad units become U+FFFD and the caller reports the lines that hold one.
"""

from __future__ import annotations

__all__ = ["decode_utf16"]


def decode_utf16(data: bytes, encoding: str) -> tuple[str, list[int]]:
    """`data` decoded as `encoding` (a UTF-16 codec), and the 1-based lines repaired.

    The lines are counted in the decoded text, in one pass; a clean file costs one
    strict decode and nothing more.
    """
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
    bad_lines: list[int] = []
    line = 1
    start = 0
    while (found := text.find("\ufffd", start)) >= 0:
        line += text.count("\n", start, found)
        if not bad_lines or bad_lines[-1] != line:
            bad_lines.append(line)
        start = found + 1
    return text, bad_lines
