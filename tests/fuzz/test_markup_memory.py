"""Memory of Markdown stripping on a flood of markup: bounded per character.

`strip_markdown` runs on every unit of a file that may be a bare reference list, a
single-line manuscript included. Its code-span and emphasis passes held each
delimiter as a list entry (ints in tuples, pieces of text): a line of '`a` ' cost 84
bytes of memory a character and '*a* ' 56 -- a 20 MB upload, 1.7 GB. Measured with
tracemalloc (allocations, not time): the bound is 30 bytes a character, plain prose
costs about 15. The cost a character is the same at 5,000 units as at 20,000 (within
0.3 bytes), so the flood is 5,000 units: the size is not the point, the ratio is.
"""

from __future__ import annotations

import tracemalloc

import pytest

from citeaudit.manuscript.markup import strip_markdown

BOUND = 30  # bytes of peak memory a character of input
UNITS = 5_000  # 20-50 KB of markup


@pytest.mark.parametrize("unit", ["`a` ", "*a* ", "_a_ ", "**ab** ", "``a`` `b` ", "~~a~~ "])
def test_markup_flood_memory_is_bounded_per_character(unit: str) -> None:
    text = unit * UNITS
    tracemalloc.start()
    try:
        strip_markdown(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak / len(text) < BOUND
