"""Red team: name look-up threads that outlive their callers, piled up over phases.

Each look-up runs in a daemon thread of its own (`links.lookups`), at most
`MAX_IN_FLIGHT` per event loop, and a caller that gives up leaves it running: a
silent name server holds it for the resolver's whole retry schedule. One link
phase's loop was bounded, but each new loop (every chunk, watch batch and audit of a
worker process, the embedded service's loops side by side) got a fresh
`MAX_IN_FLIGHT`: uploads full of names whose servers never answer stacked up
threads from phases long over, without any bound per process, until the process
could start no thread at all (its database pool, its broker connection...).
"""

from __future__ import annotations

import asyncio
import socket
import threading

from citeaudit.links import lookups

PHASES = 8


def test_look_up_threads_left_by_ended_phases_are_bounded_per_process() -> None:
    release = threading.Event()

    def silent() -> list[str]:
        release.wait(60)  # a name server that never answers
        raise socket.gaierror(socket.EAI_AGAIN, "no answer")

    async def phase() -> None:
        tasks = [
            asyncio.ensure_future(lookups.in_thread(silent)) for _ in range(lookups.MAX_IN_FLIGHT)
        ]
        await asyncio.wait(tasks, timeout=0.05)  # the phase's checks give up
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    before = lookups.in_flight()
    try:
        for _ in range(PHASES):
            asyncio.run(phase())
        held = lookups.in_flight() - before
        assert held <= lookups.MAX_THREADS
    finally:
        release.set()


def test_a_look_up_past_the_process_bound_fails_for_now_at_once() -> None:
    release = threading.Event()

    def silent() -> list[str]:
        release.wait(60)
        return []

    async def fill_then_ask() -> BaseException | None:
        tasks = [
            asyncio.ensure_future(lookups.in_thread(silent)) for _ in range(lookups.MAX_IN_FLIGHT)
        ]
        await asyncio.sleep(0)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        return None

    try:
        while lookups.in_flight() < lookups.MAX_THREADS:
            asyncio.run(fill_then_ask())

        async def ask() -> BaseException | None:
            try:
                await lookups.in_thread(lambda: ["192.0.2.1"])
            except lookups.LookupTimedOut as exc:
                return exc
            return None

        assert isinstance(asyncio.run(ask()), lookups.LookupTimedOut)
        try:
            lookups.within(lambda: ["192.0.2.1"], 1.0)
        except lookups.LookupTimedOut:
            pass
        else:
            raise AssertionError("a synchronous look-up started past the bound")
    finally:
        release.set()
