"""An event loop whose clock a test moves on: a deadline on the loop's clock is passed
when the test says so -- once what had to be done in time is done -- not when a loaded
machine happens to get there.

The link checker's run deadline, its archive look-ups' and its requests' timeouts are
all on the running loop's clock (`asyncio.timeout_at`). A test that waited for them in
real time was decided by the machine's speed: a fast host's links not checked within
1.5 s under load failed it (CI flakes). With these loops the test says when the time
is up: `step` moves the clock on (from any thread; timers due by then fire at once).

`frozen=True`: the clock stands still but for the steps, so where a step lands beside
the deadlines set on it is exact (a step between two deadlines half a second apart).
Only for code that sleeps on the loop for no time (a frozen clock never ends a sleep).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


class SteppedLoop(asyncio.SelectorEventLoop):
    def __init__(self, *, frozen: bool = False) -> None:
        self._ahead = 0.0
        self._frozen_at: float | None = None
        super().__init__()
        if frozen:
            self._frozen_at = super().time()

    def time(self) -> float:
        now = super().time() if self._frozen_at is None else self._frozen_at
        return now + self._ahead

    def step(self, seconds: float) -> None:
        """Move the clock on by `seconds` (thread-safe; wakes the loop)."""
        self.call_soon_threadsafe(self._advance, seconds)

    def _advance(self, seconds: float) -> None:
        self._ahead += seconds


@contextmanager
def stepped_loops(*, frozen: bool = False) -> Iterator[list[SteppedLoop]]:
    """Every event loop made within (``asyncio.run`` included) is a `SteppedLoop`;
    the list holds them, newest last."""
    made: list[SteppedLoop] = []

    def new_event_loop() -> asyncio.AbstractEventLoop:
        loop = SteppedLoop(frozen=frozen)
        made.append(loop)
        return loop

    with pytest.MonkeyPatch.context() as patch:
        # asyncio.run (its Runner) makes its loop by asyncio.events.new_event_loop
        patch.setattr(asyncio.events, "new_event_loop", new_event_loop)
        yield made
