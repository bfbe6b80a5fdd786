"""Where a line ends: LF, CRLF or CR, as an editor, `git diff`, a SARIF viewer and the
damaged-byte notes (counted on the bytes, `bytes.splitlines`) count lines.

`str.splitlines` also ends a line at U+2028, U+2029, U+0085, VT, FF and U+001C..U+001E;
one of those in a paragraph moved every later finding (and every inline suppression) to
the wrong line. Inside a line they are only spaces to the readers.
"""

from __future__ import annotations

import re

__all__ = ["LINE_END", "file_lines", "physical_lines"]

LINE_END = re.compile("\r\n|[\n\r]")


def physical_lines(text: str) -> list[str]:
    """`text`'s lines without their ends; a final line end opens no empty line, as with
    `str.splitlines`."""
    lines = LINE_END.split(text)
    if lines and not lines[-1]:
        lines.pop()
    return lines


# a line and its end as a patch tool reads it; the last line may have none
_LINE = re.compile(r"[^\r\n]*+(?:\r\n?|\n)|[^\r\n]++")


def file_lines(text: str) -> list[str]:
    """`text`'s lines with their ends, split at LF, CRLF and CR only."""
    if "\r" in text:
        return _LINE.findall(text)
    lines = [line + "\n" for line in text.split("\n")]  # the common case, in C
    last = lines.pop()[:-1]
    return [*lines, last] if last else lines
