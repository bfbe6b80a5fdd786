"""How a function's CPU time grows with its input, for the linear-time tests.

Time is compared, never measured against a limit: the best of three CPU times of a
large input over a small one, with the cyclic collector held off during each run, so a
loaded machine shifts both sides alike and no collection lands inside a timed run. (A
`gc.collect()` before each run did that too, but in a test session of 200,000 objects
and more each took 0.1-0.3 s: six of them were nearly all of a case's CPU.)
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

RUNS = 3


def cpu_seconds(work: Callable[[], object]) -> float:
    best = float("inf")
    was_enabled = gc.isenabled()
    for _ in range(RUNS):
        gc.disable()
        try:
            started = time.process_time()
            work()
            best = min(best, time.process_time() - started)
        finally:
            if was_enabled:
                gc.enable()
    return max(best, 1e-4)  # below the timer's grain, a ratio means nothing


Growth = Callable[[Callable[[int], str], Callable[[str], object], int], float]


def growth_at(scale: int) -> Growth:
    """`growth(build, run, base)`: CPU of `run(build(base * scale))` over `run(build(base))`."""

    def growth(build: Callable[[int], str], run: Callable[[str], object], base: int) -> float:
        small, large = build(base), build(base * scale)
        return cpu_seconds(lambda: run(large)) / cpu_seconds(lambda: run(small))

    return growth
