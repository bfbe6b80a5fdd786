"""Where a free-text entry's addresses are, looked up in one pass over the entry.

The parser takes DOIs and URLs out of an entry, then bare addresses (``example.org/x``)
not inside one already. Each address used to be looked up in the list of every span
found before it, and a URL's trailing punctuation was trimmed a character at a time,
re-counting the brackets of the whole URL for each: both quadratic in the entry (an
entry of 1,250 bare addresses, or of a URL and 9,900 ``)``, took 15 times a plain
entry's time). Addresses are found left to right, so each question here is asked at
a position no earlier than the last, and a sweep answers it.
"""

from __future__ import annotations

import heapq

from citeaudit.trailing_punctuation import trim_trailing

__all__ = ["Covered", "FirstContaining", "trim_url"]

Span = tuple[int, int]  # [start, end) in the entry

_TRAILING = frozenset(".,;:'\"”’>*")
_OPENING = {")": "(", "]": "["}


def trim_url(url: str) -> str:
    """`url` without trailing punctuation and unbalanced closing brackets."""
    return trim_trailing(url, _TRAILING, _OPENING)


class FirstContaining:
    """The first span of a list (in the list's order) that contains a position, asked
    at positions that never go back. Spans may overlap and come in any order."""

    def __init__(self, spans: list[Span]) -> None:
        self._spans = spans
        self._by_start = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self._next = 0  # into `_by_start`: the spans not yet started
        self._started: list[int] = []  # heap of list indices whose span has started

    def at(self, position: int) -> Span | None:
        spans, order = self._spans, self._by_start
        while self._next < len(order) and spans[order[self._next]][0] <= position:
            heapq.heappush(self._started, order[self._next])
            self._next += 1
        # a span that ended before this position ended before every later one too
        while self._started and spans[self._started[0]][1] <= position:
            heapq.heappop(self._started)
        return spans[self._started[0]] if self._started else None


class Covered:
    """Whether any of some spans contains a position, asked at positions that never go
    back."""

    def __init__(self, spans: list[Span]) -> None:
        self._spans = sorted(spans)
        self._next = 0
        self._reach = -1  # the furthest end of the spans started so far

    def at(self, position: int) -> bool:
        while self._next < len(self._spans) and self._spans[self._next][0] <= position:
            self._reach = max(self._reach, self._spans[self._next][1])
            self._next += 1
        return position < self._reach
