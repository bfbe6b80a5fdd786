"""Which lines of a text hold a given kind of byte, a byte a line, at C speed.

Why: the decoder judges every line of a file that is not UTF-8 (is it UTF-8? can the
code page read it?). A Python step a line -- split, decode, test, append -- cost 2.5 us
and 230 bytes a line: 20 MB of two-byte lines took 25 s and 2.3 GB. A regular
expression a line is cheaper but still a match object a line. Here a few
`bytes.replace` and `bytes.translate` passes turn each line into one byte, whatever the
number or length of the lines: a few nanoseconds a byte.
"""

from __future__ import annotations

from functools import cache

__all__ = ["MARK", "line_marks", "text_marks"]

# A byte no UTF-8 text holds: what `text_marks` turns the characters it looks for into.
MARK = b"\xff"
_KEEP_ENDS = bytes.maketrans(b"\n\x02", b"\x00\x01")


@cache
def _tables(wanted: bytes) -> tuple[bytes, bytes]:
    """(a table turning each wanted byte into \\x01; the bytes to delete: all others but
    the line end)."""
    table = bytes.maketrans(wanted, b"\x01" * len(wanted))
    others = bytes(b for b in range(256) if b not in wanted and b != 0x0A)
    return table, others


def line_marks(raw: bytes, wanted: bytes) -> bytes:
    """A byte a line of `raw` (lines end at "\\r\\n", "\\r" or "\\n", as bytes.splitlines
    cuts; a last line without an end counts): 1 when the line holds a byte of `wanted`
    (which holds neither "\\r" nor "\\n"), else 0."""
    if not raw:
        return b""
    table, others = _tables(wanted)
    # line ends made one "\n" first: with the bytes between them gone, a line ending in
    # "\r" and the next, empty, in "\n" would read as one "\r\n"
    kept = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    if not kept.endswith(b"\n"):
        kept += b"\n"
    kept = kept.translate(table, others)  # each line: \x01 a wanted byte, then "\n"
    # a marked line's last mark and its end become \x02; its other marks go
    kept = kept.replace(b"\x01\n", b"\x02").translate(None, b"\x01")
    return kept.translate(_KEEP_ENDS)


def text_marks(text: str, chars: tuple[str, ...], wanted: bytes = b"") -> bytes:
    """`line_marks` of `text` (as UTF-8; lone surrogates kept) for the characters
    `chars` and the ASCII bytes `wanted`: each character is made `MARK` first, which no
    other character's UTF-8 holds."""
    raw = text.encode("utf-8", "surrogatepass")
    for char in chars:
        raw = raw.replace(char.encode("utf-8", "surrogatepass"), MARK)
    return line_marks(raw, MARK + wanted)
