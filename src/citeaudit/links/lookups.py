"""Name look-ups in threads of our own: nobody waits on one past their own timeout.

``getaddrinfo`` cannot be interrupted. A name whose name server never answers (any
domain a stranger registers can be made so) holds its thread for the resolver's
whole retry schedule, tens of seconds. Run in the event loop's default executor,
such look-ups queued behind each other (a handful of threads) and ``asyncio.run``
waited for every one of them before it returned: a link phase's checks had timed
out long before, and the worker stood still all the same. Run on the caller's own
thread (the registry clients, webhook deliveries), a look-up had no timeout at all.

Here each look-up gets a daemon thread, at most `MAX_IN_FLIGHT` at once per
process; the caller waits for its answer only as long as it is prepared to (a
timeout, or the cancellation of its task), and nothing joins the thread when the
caller gives up. A look-up that ends after its caller left is dropped.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import time
from collections.abc import Callable
from typing import TypeVar

__all__ = ["MAX_IN_FLIGHT", "LookupTimedOut", "in_flight", "in_thread", "within"]

T = TypeVar("T")

MAX_IN_FLIGHT = 64  # threads held by look-ups not yet answered, per process
_POLL = 0.02  # seconds between an async caller's tries for a free slot

_slots = threading.BoundedSemaphore(MAX_IN_FLIGHT)
_count_lock = threading.Lock()
_running = 0


class LookupTimedOut(TimeoutError):
    """No answer within the caller's timeout (the look-up may still be running)."""


def in_flight() -> int:
    """Look-up threads started and not yet ended (what a slow resolver holds)."""
    with _count_lock:
        return _running


def _start(call: Callable[[], T]) -> concurrent.futures.Future[T]:
    """Run `call` in a new daemon thread that gives its slot back when it ends."""
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
            _slots.release()

    with _count_lock:
        _running += 1
    try:
        threading.Thread(target=run, name="citeaudit-lookup", daemon=True).start()
    except BaseException:
        with _count_lock:
            _running -= 1
        _slots.release()
        raise
    return future


def within(call: Callable[[], T], timeout: float) -> T:
    """`call()` (a blocking look-up) in a thread of its own, waited for at most
    `timeout` seconds, the wait for a free slot included; else `LookupTimedOut`."""
    deadline = time.monotonic() + max(0.0, timeout)
    if not _slots.acquire(timeout=max(0.0, timeout)):
        raise LookupTimedOut("too many name look-ups are waiting for an answer")
    future = _start(call)
    try:
        return future.result(timeout=max(0.0, deadline - time.monotonic()))
    except concurrent.futures.TimeoutError:
        raise LookupTimedOut("the name server did not answer in time") from None


async def in_thread(call: Callable[[], T]) -> T:
    """`call()` in a thread of its own, awaited; cancelling the awaiting task leaves
    the thread to end by itself, unjoined (``asyncio.run`` does not wait for it)."""
    while not _slots.acquire(blocking=False):
        await asyncio.sleep(_POLL)  # a slow resolver holds every slot: wait, cancellable
    return await asyncio.wrap_future(_start(call))
