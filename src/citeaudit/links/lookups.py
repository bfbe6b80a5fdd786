"""Name look-ups in threads of our own: nobody waits on one past their own timeout.

``getaddrinfo`` cannot be interrupted. A name whose name server never answers (any
domain a stranger registers can be made so) holds its thread for the resolver's
whole retry schedule, tens of seconds. Run in the event loop's default executor,
such look-ups queued behind each other (a handful of threads) and ``asyncio.run``
waited for every one of them before it returned: a link phase's checks had timed
out long before, and the worker stood still all the same. Run on the caller's own
thread (the registry clients, webhook deliveries), a look-up had no timeout at all.

Here each look-up gets a daemon thread, at most `MAX_IN_FLIGHT` at once (per
process for the synchronous callers, per event loop for a link phase, whose waiters
are handed freed slots in turn, never polling); the caller waits for its answer
only as long as it is prepared to (a timeout, or the cancellation of its task), and
nothing joins the thread when the caller gives up. A look-up that ends after its
caller left is dropped.

Threads left behind by callers that gave up are bounded per process as well
(`MAX_THREADS`): each new event loop got a fresh `MAX_IN_FLIGHT`, so phase after phase
(every chunk, watch batch and audit of a worker process, the embedded service's loops
side by side) of names whose servers never answer stacked up threads of phases long
over, until the process could start no thread at all. Past the bound a look-up fails
at once, for now (`LookupTimedOut`: the name is asked again later).
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import contextlib
import threading
import time
import weakref
from collections.abc import Callable
from typing import TypeVar

__all__ = ["MAX_IN_FLIGHT", "MAX_THREADS", "LookupTimedOut", "in_flight", "in_thread", "within"]

T = TypeVar("T")

MAX_IN_FLIGHT = 64  # threads held by look-ups not yet answered, per process or loop
MAX_THREADS = 4 * MAX_IN_FLIGHT  # look-up threads alive in the process, all loops together

_slots = threading.BoundedSemaphore(MAX_IN_FLIGHT)
_count_lock = threading.Lock()
_running = 0


class LookupTimedOut(TimeoutError):
    """No answer within the caller's timeout (the look-up may still be running)."""


def in_flight() -> int:
    """Look-up threads started and not yet ended (what a slow resolver holds)."""
    with _count_lock:
        return _running


def _start(call: Callable[[], T], release: Callable[[], None]) -> concurrent.futures.Future[T]:
    """Run `call` in a new daemon thread that calls `release` (gives its slot back)
    when it ends."""
    global _running
    future: concurrent.futures.Future[T] = concurrent.futures.Future()

    def run() -> None:
        global _running
        try:
            if future.set_running_or_notify_cancel():
                try:
                    result = call()
                except BaseException as exc:  # handed to whoever still waits
                    future.set_exception(exc)
                else:
                    future.set_result(result)
        finally:
            with _count_lock:
                _running -= 1
            release()

    with _count_lock:
        full = _running >= MAX_THREADS
        if not full:
            _running += 1
    if full:
        release()
        raise LookupTimedOut("too many name look-ups are still waiting for an answer")
    try:
        threading.Thread(target=run, name="citeaudit-lookup", daemon=True).start()
    except RuntimeError as exc:  # the process may start no more threads
        with _count_lock:
            _running -= 1
        release()
        raise LookupTimedOut("no thread for a name look-up") from exc
    return future


def within(call: Callable[[], T], timeout: float) -> T:
    """`call()` (a blocking look-up) in a thread of its own, waited for at most
    `timeout` seconds, the wait for a free slot included; else `LookupTimedOut`.

    The synchronous callers (registry clients, webhook deliveries) share
    `MAX_IN_FLIGHT` slots per process."""
    deadline = time.monotonic() + max(0.0, timeout)
    if not _slots.acquire(timeout=max(0.0, timeout)):
        raise LookupTimedOut("too many name look-ups are waiting for an answer")
    future = _start(call, _slots.release)
    try:
        return future.result(timeout=max(0.0, deadline - time.monotonic()))
    except concurrent.futures.TimeoutError:
        raise LookupTimedOut("the name server did not answer in time") from None


class _LoopSlots:
    """`MAX_IN_FLIGHT` look-up threads per event loop (one link phase), handed to
    waiters in turn without polling; a thread gives its slot back from its own
    thread (``call_soon_threadsafe``), a closed loop's slots are not wanted."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._free = MAX_IN_FLIGHT
        self._waiters: collections.deque[asyncio.Future[None]] = collections.deque()

    async def acquire(self) -> None:
        if self._free > 0 and not self._waiters:
            self._free -= 1
            return
        waiter: asyncio.Future[None] = self._loop.create_future()
        self._waiters.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self._release()  # handed a slot while being cancelled: pass it on
            else:
                self._waiters.remove(waiter)
            raise

    def release_from_thread(self) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits
            self._loop.call_soon_threadsafe(self._release)

    def _release(self) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        self._free += 1


_loop_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopSlots] = (
    weakref.WeakKeyDictionary()
)


async def in_thread(call: Callable[[], T]) -> T:
    """`call()` in a thread of its own, awaited; cancelling the awaiting task leaves
    the thread to end by itself, unjoined (``asyncio.run`` does not wait for it).

    At most `MAX_IN_FLIGHT` threads per event loop: one link phase's silent names
    do not take the slots of another phase running in the same process."""
    loop = asyncio.get_running_loop()
    with _count_lock:  # loops of several threads (the embedded service) meet here
        slots = _loop_slots.get(loop)
        if slots is None:
            slots = _loop_slots[loop] = _LoopSlots(loop)
    await slots.acquire()
    return await asyncio.wrap_future(_start(call, slots.release_from_thread))
