"""Lenient UTF-16 decoding shared by the manuscript and bibliography readers.

A UTF-16 file with one broken code unit (a lone surrogate, an odd trailing byte) is
almost always a good file with one damaged character -- an editor's export cut short,
two exports glued together. Refusing the whole file would lose every good entry, so
the bad units become U+FFFD and the caller reports the lines that hold one.
"""

from __future__ import annotations

from citeaudit.line_marks import text_marks

__all__ = ["decode_utf16"]


def decode_utf16(data: bytes, encoding: str) -> tuple[str, bytes | None]:
    """`data` decoded as `encoding` (a UTF-16 codec), and which lines were repaired: None
    when none, else a byte a line, 1 for a repaired one (line ends "\\r\\n", "\\r" or
    "\\n").

    A clean file costs one strict decode and nothing more; a damaged one a few C-level
    passes, never a Python step a damaged character (ten million lone surrogates in
    20 MB were as many steps and a list of their lines).
    """
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
    return text, text_marks(text, ("\ufffd",))
