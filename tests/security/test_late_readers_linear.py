"""The readers added late stay linear on hostile input, by counted work.

- ``\\iffalse ... \\fi`` branches: many on one line were blanked one at a time, each
  rebuilding the whole line (a 280,000-character line of them took 1.8 s, growing
  with the square of the line). The characters copied are counted here with a
  ``str`` that counts its slices and joins.
"""

from __future__ import annotations

from typing import Any, SupportsIndex

from citeaudit.manuscript.latex_conditionals import blank_false_branches

_COPIED = [0]


class _CountedStr(str):
    """A line that counts the characters every slice or concatenation of it copies
    (and stays counted: the results are counted strings too)."""

    def __getitem__(self, key: SupportsIndex | slice) -> _CountedStr:
        out = str.__getitem__(self, key)
        _COPIED[0] += len(out)
        return _CountedStr(out)

    def __add__(self, other: str) -> _CountedStr:
        out = str.__add__(self, other)
        _COPIED[0] += len(out)
        return _CountedStr(out)

    def __radd__(self, other: Any) -> _CountedStr:
        out = str.__add__(str(other), self)
        _COPIED[0] += len(out)
        return _CountedStr(out)


def _copied_blanking(branches: int) -> int:
    line = _CountedStr("\\iffalse \\cite{a}\\fi " * branches)
    _COPIED[0] = 0
    out = blank_false_branches([line])
    assert out[0].strip() == ""  # every branch blanked
    assert len(out[0]) == len(line)
    return _COPIED[0] + 1


def test_many_false_branches_on_one_line_are_blanked_in_linear_work() -> None:
    small, large = _copied_blanking(500), _copied_blanking(4_000)
    assert large / small <= 16, f"characters copied grew {large / small:.0f}x for 8x the line"
