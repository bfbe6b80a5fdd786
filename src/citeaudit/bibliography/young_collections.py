"""Fewer young-generation garbage collections while a bibliography is read.

Reading builds several small container objects per field -- bibtexparser's blocks
and fields, the fields' dict, References, Persons -- and keeps most of them. With
CPython's default threshold (a collection of the young generation every 700 net
allocations) a collection ran every few entries and walked those young objects
again and again before they aged out: 10-20 % of the CPU of reading a real
bibliography (TUGboat's 3,644 entries, and the same at 50,000). Reading makes
almost no reference cycles, so collecting less often frees nothing later that
matters: garbage in a cycle waits at most `YOUNG_THRESHOLD` allocations, a bounded
delay, and the older generations' own rules are unchanged.

The threshold is process-wide. It is raised while at least one reading runs (a
count under a lock: readings in threads overlap) and put back when the last one
ends, unless someone else changed it meanwhile; a threshold already at least as
high, or 0 (automatic collection disabled), is left as it is.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["YOUNG_THRESHOLD", "fewer_young_collections"]

YOUNG_THRESHOLD = 20_000

_LOCK = threading.Lock()
_readers = 0
_saved: tuple[int, int, int] | None = None  # what to put back; None: nothing changed


@contextmanager
def fewer_young_collections() -> Iterator[None]:
    """Within the block, the young generation is collected every `YOUNG_THRESHOLD`
    allocations at most often."""
    _enter()
    try:
        yield
    finally:
        _leave()


def _enter() -> None:
    global _readers, _saved
    with _LOCK:
        _readers += 1
        if _readers > 1:
            return
        young, middle, old = gc.get_threshold()
        if 0 < young < YOUNG_THRESHOLD:
            _saved = (young, middle, old)
            gc.set_threshold(YOUNG_THRESHOLD, middle, old)


def _leave() -> None:
    global _readers, _saved
    with _LOCK:
        _readers -= 1
        if _readers or _saved is None:
            return
        saved, _saved = _saved, None
        if gc.get_threshold() == (YOUNG_THRESHOLD, *saved[1:]):
            gc.set_threshold(*saved)
