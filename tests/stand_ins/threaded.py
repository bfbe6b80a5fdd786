"""Running an asyncio stand-in server in a background thread, for synchronous tests."""

from __future__ import annotations

import asyncio
import threading
from typing import Self

WIND_DOWN = 5.0  # seconds the connections' handlers have to end, once cancelled


def _wind_down(loop: asyncio.AbstractEventLoop) -> None:
    """Every task still running cancelled and run to its end, then a turn of the loop
    for the transports they closed to close their sockets.

    `Server.close()` stops accepting and leaves the accepted connections open (before
    Python 3.13): a client still connected -- a keep-alive connection of a service
    process, idle -- kept its handler waiting for a request, and the loop closed under
    it. The transport was collected later, in whichever test ran then, as an
    "unclosed transport" error (the links tests' timed hosts failed a clean-clone run
    so). Shown: tests/test_leak_stand_in_connections.py."""
    tasks = asyncio.all_tasks(loop)
    for task in tasks:
        task.cancel()
    if tasks:
        loop.run_until_complete(asyncio.wait(tasks, timeout=WIND_DOWN))
    loop.run_until_complete(asyncio.sleep(0))  # connection_lost: the sockets closed


class ThreadedServer:
    """Subclasses provide `start_async` and `stop_async`; `start()` runs them in a thread."""

    thread_name = "stand-in"
    _loop: asyncio.AbstractEventLoop | None = None
    _thread: threading.Thread | None = None

    async def start_async(self) -> None:
        raise NotImplementedError

    async def stop_async(self) -> None:
        raise NotImplementedError

    def start(self) -> Self:
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            loop.run_until_complete(self.start_async())
            ready.set()
            loop.run_forever()
            try:
                loop.run_until_complete(self.stop_async())
            finally:
                _wind_down(loop)
                loop.close()

        self._thread = threading.Thread(target=run, name=self.thread_name, daemon=True)
        self._thread.start()
        ready.wait(10)
        return self

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)
