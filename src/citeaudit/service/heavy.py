"""Work an upload can make costly, done a few at a time in any process that serves requests.

Some requests do an audit's heavy work again in the process that serves them, not in
a worker with its time limits: a report is rendered from the stored result on each
request (an audit of 100,000 references: ~12 s of CPU and a 41 MB HTML page), a fixed
file is made by reading every upload again (an 8 MB one-line manuscript: ~10 s of CPU
and 220 MB), and an uploaded PDF is opened by the engine in a child process that may
take 1 GB. Each ran on the server's shared thread pool, as many at once as requests
arrived: forty requests for one large audit's report or fixed file held forty threads
-- every plain route waits on the same pool -- and added up their CPU and memory.

`heavy_slot` lets `HEAVY_AT_ONCE` of them run at once in a process and queues the
rest; the API's routes wait for a place without holding a thread (`run_heavy`).
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import anyio.to_thread
from anyio import CapacityLimiter

__all__ = ["HEAVY_AT_ONCE", "heavy_slot", "run_heavy"]

HEAVY_AT_ONCE = 2  # renders, re-reads and PDF checks a process runs at once
_T = TypeVar("_T")
_slots = threading.BoundedSemaphore(HEAVY_AT_ONCE)
_limiters: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, CapacityLimiter] = (
    weakref.WeakKeyDictionary()
)


@contextmanager
def heavy_slot() -> Iterator[None]:
    """Hold one of the process's `HEAVY_AT_ONCE` places for heavy work (waiting for
    one if all are taken): its CPU and memory are bounded whoever asks for it."""
    with _slots:
        yield


async def run_heavy(work: Callable[[], _T]) -> _T:
    """`work()` in a worker thread once a place is free; while waiting, the request
    holds no thread of the shared pool (a limiter of the running loop's own)."""
    loop = asyncio.get_running_loop()
    limiter = _limiters.get(loop)
    if limiter is None:
        limiter = _limiters[loop] = CapacityLimiter(HEAVY_AT_ONCE)
    return await anyio.to_thread.run_sync(work, limiter=limiter)
