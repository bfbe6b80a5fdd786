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

The places are shared fairly: work that names its account (`owner`) takes at most
`HEAVY_PER_OWNER` of them, and waits for its turn among its own account's work before
it queues for a place. One queue for all let one account starve the rest: a hundred
requests for one large audit's report (twelve seconds each) put every other account's
report, findings and PDF upload twenty minutes back. Now another account's work waits
for one place at most, whatever one account has asked for.
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

import anyio.to_thread
from anyio import CapacityLimiter

__all__ = ["HEAVY_AT_ONCE", "HEAVY_PER_OWNER", "heavy_slot", "run_heavy"]

HEAVY_AT_ONCE = 2  # renders, re-reads and PDF checks a process runs at once
HEAVY_PER_OWNER = max(1, HEAVY_AT_ONCE - 1)  # of them, one account's at most
_T = TypeVar("_T")
_slots = threading.BoundedSemaphore(HEAVY_AT_ONCE)
_limiters: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, CapacityLimiter] = (
    weakref.WeakKeyDictionary()
)


@dataclass(slots=True)
class _Owner:
    """One account's turn in a loop's queue: its own limiter, and how many of its
    requests use it (at 0 it is forgotten: the map holds only accounts waiting now)."""

    limiter: CapacityLimiter = field(default_factory=lambda: CapacityLimiter(HEAVY_PER_OWNER))
    users: int = 0


_owners: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[Hashable, _Owner]] = (
    weakref.WeakKeyDictionary()
)


@contextmanager
def heavy_slot() -> Iterator[None]:
    """Hold one of the process's `HEAVY_AT_ONCE` places for heavy work (waiting for
    one if all are taken): its CPU and memory are bounded whoever asks for it."""
    with _slots:
        yield


async def run_heavy(work: Callable[[], _T], owner: Hashable | None = None) -> _T:
    """`work()` in a worker thread once a place is free; while waiting, the request
    holds no thread of the shared pool (a limiter of the running loop's own). With an
    `owner` (the account), it first waits for its account's turn: one account's work
    holds at most `HEAVY_PER_OWNER` places, queued or running."""
    loop = asyncio.get_running_loop()
    limiter = _limiters.get(loop)
    if limiter is None:
        limiter = _limiters[loop] = CapacityLimiter(HEAVY_AT_ONCE)
    if owner is None:
        return await anyio.to_thread.run_sync(work, limiter=limiter)
    owners = _owners.get(loop)
    if owners is None:
        owners = _owners[loop] = {}
    turn = owners.setdefault(owner, _Owner())
    turn.users += 1
    try:
        async with turn.limiter:
            return await anyio.to_thread.run_sync(work, limiter=limiter)
    finally:
        turn.users -= 1
        if not turn.users:
            del owners[owner]
