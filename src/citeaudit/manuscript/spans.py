"""Half-open spans of a text, queried by bisection.

A leaf module (it imports nothing of the package): the LaTeX macro reader and the
citation markers both use it, and the macro reader importing it from the citations
package made importing `citeaudit.manuscript.latex_macros` first a circular import.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

__all__ = ["SpanIndex"]


class SpanIndex:
    """Half-open spans, queried by bisection; overlapping spans are merged first."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def covers(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]

    def add(self, start: int, end: int) -> None:
        """Add a span that starts at or after every span already held (document order)."""
        if self._starts and start < self._starts[-1]:
            raise ValueError("spans must be added in order")
        if self._ends and start <= self._ends[-1]:
            self._ends[-1] = max(self._ends[-1], end)
        else:
            self._starts.append(start)
            self._ends.append(end)
