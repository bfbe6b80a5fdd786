"""Red team H7: a text file of many Windows-1252 lines must not freeze `citeaudit links`.

`citeaudit links notes.txt` names each line it had to rescue on stderr
(`DecodedBytes.notes`). For every rescued line the notes rebuilt the set of all
Windows-1252 lines to ask whether that one was among them: 40,000 lines of ``café``
saved by an old word processor took 19 s of CPU, a 20 MB file of them hours. What is
counted here is the work the notes do on the line numbers (each one handed out by the
decoder's tuple): linear is a few passes over them, whatever the file's size.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from citeaudit.text_decoding import WINDOWS_1252, decode_bytes


class _CountedLines(tuple[int, ...]):
    """The decoder's line numbers, counting every number handed out by iteration."""

    handed: int = 0

    def __iter__(self) -> Iterator[int]:
        for line in super().__iter__():
            _CountedLines.handed += 1
            yield line


def _work(lines: int) -> int:
    decoded = decode_bytes(b"caf\xe9 au lait\n" * lines)  # not UTF-8: read as Windows-1252
    assert len(decoded.windows_1252) == lines
    counted = dataclasses.replace(decoded, windows_1252=_CountedLines(decoded.windows_1252))
    _CountedLines.handed = 0
    notes = counted.notes()
    assert notes[0] == (1, WINDOWS_1252)
    assert len(notes) == 21 and notes[-1][1].startswith(f"and {lines - 20:,} more lines")
    return _CountedLines.handed


def test_notes_on_many_rescued_lines_do_linear_work() -> None:
    small, large = _work(500), _work(4_000)
    assert large <= 4 * 4_000, f"{large:,} line numbers handed out for 4,000 lines"
    assert large <= 16 * small  # 8x the lines: at most twice linear growth


def test_notes_name_each_kind_of_rescue() -> None:
    """Windows-1252 lines and lines whose bytes were replaced keep their own sentence."""
    decoded = decode_bytes(b"ok\ncaf\xe9\n\x81\x02 bad\n")
    assert decoded.notes() == [
        (2, WINDOWS_1252),
        (3, "invalid UTF-8 bytes replaced with U+FFFD"),
    ]
