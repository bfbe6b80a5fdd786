"""A registry look-up waiting for a shared concurrency slot stops waiting at the run's
deadline.

With Redis, a registry's concurrency (Crossref's polite pool: a few requests in
flight) is shared by every worker: a request first takes a lease on a slot, polling
until one is free. That wait had no end but a free slot: a worker whose run's time
had run out kept polling while other workers' runs (each up to 0.6 of a chunk's
limit) held the slots in turn -- no queue, so any of them could win each free slot --
and its chunk outlived its time limit (the audit failed). Now the wait ends with the
run's time: the reference is "not asked: the run's time ran out first".

Deterministic: another worker (a second limiter on the same Redis keys) holds the
only slot until the test lets it go; the run, given 1 s, must be over while the slot
is still held. Its thread is given a generous 30 s.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from citeaudit.errors import ResolverError
from citeaudit.resolve.channel import OUT_OF_TIME, Channel, Reply, RetryPolicy
from citeaudit.resolve.limiter import LocalLimiter, RedisLimiter
from tests.redis_db import redis_db

GENEROUS = 30.0


@pytest.fixture
def redis_url() -> Iterator[str]:
    yield from redis_db(10)  # apart from the other suites' 9, 11, 12, 13 and 15


def _held_elsewhere(
    limiter: RedisLimiter | LocalLimiter,
) -> tuple[threading.Event, threading.Event]:
    """Another worker holding `limiter`'s only slot until the returned `release` is set."""
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with limiter.slot():
            holding.set()
            release.wait(GENEROUS)

    threading.Thread(target=hold, daemon=True).start()
    assert holding.wait(GENEROUS)
    return holding, release


def _run_for_one_second(channel: Channel) -> dict[str, object]:
    box: dict[str, object] = {}
    channel.deadline = time.monotonic() + 1.0

    def ask() -> None:
        try:
            box["reply"] = channel.request("works", lambda: Reply(200, {}))
        except ResolverError as exc:
            box["error"] = exc

    thread = threading.Thread(target=ask, daemon=True)
    thread.start()
    thread.join(GENEROUS)
    box["alive"] = thread.is_alive()
    return box


@pytest.mark.parametrize("kind", ["redis", "local"])
def test_the_wait_for_a_slot_ends_with_the_runs_time(
    kind: str, request: pytest.FixtureRequest
) -> None:
    if kind == "redis":
        import redis

        client = redis.Redis.from_url(request.getfixturevalue("redis_url"))
        other: RedisLimiter | LocalLimiter = RedisLimiter(client, "crossref", 1000.0, 1)
        ours: RedisLimiter | LocalLimiter = RedisLimiter(client, "crossref", 1000.0, 1)
    else:  # one process: another thread of the same run holds the slot
        other = ours = LocalLimiter(1000.0, 1)
    _, release = _held_elsewhere(other)
    try:
        box = _run_for_one_second(Channel("Crossref", ours, policy=RetryPolicy(attempts=1)))
        assert not box["alive"], "still waiting for a slot after the run's time"
        assert not release.is_set()  # ended while the slot was still held elsewhere
    finally:
        release.set()
    error = box.get("error")
    assert isinstance(error, ResolverError) and OUT_OF_TIME in str(error)
