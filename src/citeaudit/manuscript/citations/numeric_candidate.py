"""A place in the text that may be a numeric citation, and how its numbers are read.

Shared by the forms of `numeric` and the citation-order reading of `numeric_order`,
so that both weigh the same kind of thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_RANGE = 100  # "1-50" cites fifty works; "3-2000" is a span of pages, not citations


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    numbers: tuple[int, ...]
    form: str  # "bracket", "glued-bracket", "paren", "superscript", "glued", ...


def expand(body: str) -> tuple[int, ...]:
    """``3,5-7`` -> (3, 5, 6, 7); nothing when a part is 0, reversed, too wide or ``1-2-3``."""
    numbers: dict[int, None] = {}
    for part in re.split(r"[,;]", body):
        bounds = [int(x) for x in re.split(r"[-–—]", part.strip()) if x.strip()]
        if not bounds or len(bounds) > 2 or any(n == 0 for n in bounds):
            return ()
        if len(bounds) == 1:
            numbers[bounds[0]] = None
            continue
        low, high = bounds
        if high < low or high - low > MAX_RANGE:
            return ()
        numbers.update(dict.fromkeys(range(low, high + 1)))
    return tuple(numbers)
