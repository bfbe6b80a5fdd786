"""`transliterations.skeleton`: its cache keeps names, so it must not keep long ones.

The cache (65,536 entries) outlives an audit in a long-lived worker; keyed by whatever
name reaches it (a .bib author's family field, an entry's head), 65,536 distinct 10 kB
"names" kept about 1.3 GB alive (key and folded value, each ~10 kB). Memory is
measured with tracemalloc (allocations still held after the names are dropped), not
with a clock.
"""

from __future__ import annotations

import random
import string
import tracemalloc

from citeaudit.transliterations import skeleton


def _held_after_folding(count: int, length: int) -> int:
    """Bytes still allocated once `count` distinct `length`-character names are folded
    and dropped: what the cache kept."""
    rng = random.Random(count * 7 + length)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(count):
            name = f"Vol{i}" + "".join(rng.choices(string.ascii_letters, k=length))
            skeleton(name)
            del name
        return tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


def test_long_distinct_names_are_not_kept_by_the_cache() -> None:
    """200 distinct 5 kB names: ~2 MB held before (names and folds cached), nothing
    of the kind after."""
    held = _held_after_folding(200, 5_000)
    assert held < 200_000, f"{held:,} bytes held after folding 200 names of 5 kB"


def test_short_names_still_fold_the_same() -> None:
    """The bound leaves real names as they were: cached or not, one skeleton."""
    assert skeleton("Bajtín") == skeleton("Bakhtine") == "baHtin"
    assert skeleton("Vološinov") == skeleton("Volóchinov") == "voloHinov"
    long_name = "Volóchinov " * 20
    assert skeleton(long_name) == skeleton(long_name) != ""
