"""The entry a reference list's cut is building, kept as it grows, not re-joined.

`reference_section.split_entries_with_layout` asks of the entry it is building whether
it is dated yet and where it stops ("in Proc. Conf.,": not finished) before it takes
each next line. It asked by joining every line of the entry so far, once per line:
quadratic in the lines of one entry. A list no line of which reads as an entry's start
(lines opening in lower case: each continues the entry before) is one entry of all
its lines -- 12,800 lines of 4 characters (51 KB) took 3 s of CPU, 4x the lines 16x
the time, and a manuscript without a reference heading is read as such a list whole.

Kept here instead: whether the entry is dated (once dated it stays so: a match keeps
its context, since lines are joined with a space), its last non-blank character, and
the joined text's last `_TAIL` characters with runs of white space cut to two. A new
line is searched whole, together with the tail's last `_BACK` characters, where a
status word written across the line break ("in" / "press", "n." / "d.") must start:
none is longer than 53 characters once its white space is cut to two, and two or more
spaces read the same to every pattern (`\\s?` takes none of them, `\\s+` all). The
answers are those of `dated` on the joined text, in one step a character of the line
and some sixty besides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citeaudit.manuscript.list_tail import _DATE_WORD, _YEAR

__all__ = ["EntrySoFar"]

_TAIL = 128
# More than the longest year or status match once its white space is cut to two (53
# characters: "manuscript conditionally accepted for publication"; a test holds it so).
# `_DATE_WORD` costs over a microsecond a character, so the window is kept short.
_BACK = 60
_RUN = re.compile(r"\s{3,}")
_UNFINISHED = (",", ":", ";", "-", "–", "(", "&")


@dataclass(frozen=True, slots=True)
class EntrySoFar:
    """What the reference-list cut asks of the entry it is building."""

    dated: bool = False
    last: str = ""  # its last character that is not white space
    tail: str = ""  # the joined text's end, runs of white space cut to two
    lines: int = 0

    def grown(self, text: str) -> EntrySoFar:
        """The entry with one more line (joined as `" ".join` joins it)."""
        joined = self.tail + " " + text if self.lines else text
        dated = self.dated or _dated_from(joined, max(0, len(self.tail) - _BACK))
        stripped = text.rstrip()
        last = stripped[-1] if stripped else self.last
        return EntrySoFar(dated, last, _RUN.sub("  ", joined)[-_TAIL:], self.lines + 1)

    @property
    def complete(self) -> bool:
        """Read as finished: dated, and not stopped mid-phrase ("Example Press:")."""
        return self.dated and not self.last.endswith(_UNFINISHED)


def _dated_from(text: str, start: int) -> bool:
    """`list_tail.dated` for matches starting at `start` or later (the text before it
    is still seen by the patterns' look-behind)."""
    return _YEAR.search(text, start) is not None or _DATE_WORD.search(text, start) is not None
