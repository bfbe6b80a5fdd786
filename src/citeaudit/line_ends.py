"""Where a line ends: LF, CRLF or CR, as an editor, `git diff`, a SARIF viewer and the
damaged-byte notes (counted on the bytes, `bytes.splitlines`) count lines.

`str.splitlines` also ends a line at U+2028, U+2029, U+0085, VT, FF and U+001C..U+001E;
one of those in a paragraph moved every later finding (and every inline suppression) to
the wrong line. Inside a line they are only spaces to the readers.
"""

from __future__ import annotations

import re

__all__ = ["LINE_END", "physical_lines"]

LINE_END = re.compile("\r\n|[\n\r]")


def physical_lines(text: str) -> list[str]:
    """`text`'s lines without their ends; a final line end opens no empty line, as with
    `str.splitlines`."""
    lines = LINE_END.split(text)
    if lines and not lines[-1]:
        lines.pop()
    return lines
