"""How a function's CPU time grows with its input, for the linear-time tests.

Time is compared, never measured against a limit: the best of three CPU times of a
large input over a small one, with the collector run first, so a loaded machine shifts
both sides alike.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

RUNS = 3


def cpu_seconds(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(RUNS):
        gc.collect()
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return max(best, 1e-4)  # below the timer's grain, a ratio means nothing


Growth = Callable[[Callable[[int], str], Callable[[str], object], int], float]


def growth_at(scale: int) -> Growth:
    """`growth(build, run, base)`: CPU of `run(build(base * scale))` over `run(build(base))`."""

    def growth(build: Callable[[int], str], run: Callable[[str], object], base: int) -> float:
        small, large = build(base), build(base * scale)
        return cpu_seconds(lambda: run(large)) / cpu_seconds(lambda: run(small))

    return growth
