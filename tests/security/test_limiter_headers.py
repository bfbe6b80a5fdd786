"""A registry's rate-limit headers cannot make us wait for ever, nor crash the phase.

Pacing is learnt from every response (``x-rate-limit-limit`` per
``x-rate-limit-interval``, ``x-concurrency-limit``). A hostile or broken registry --
or anything answering on its behalf -- could announce one request an hour, or send
header values `int()` refuses. Learnt windows are capped, a wait in the window is
bounded by the caller's `max_pause` like a Retry-After, and garbled values are
ignored. Sleeps are recorded, never slept: no timing assertions.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from citeaudit.resolve import limiter as limiter_module
from citeaudit.resolve.limiter import MAX_INTERVAL, LocalLimiter, Paused, parse_limits


class FakeClock:
    """The limiter's clock: a sleep is recorded and moves the clock on at once."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.asked: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.asked.append(seconds)
        self.now += seconds


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """Every sleep the limiter asks for, recorded instead of slept."""
    clock = FakeClock()
    monkeypatch.setattr(limiter_module, "time", clock)
    yield clock.asked


@pytest.mark.parametrize(
    "headers",
    [
        {"x-rate-limit-limit": "1", "x-rate-limit-interval": "1000000h"},
        {"x-rate-limit-limit": "1", "x-rate-limit-interval": "9" * 400 + "s"},
        {"x-rate-limit-limit": "0.0001", "x-rate-limit-interval": "3600s"},
        {"x-rate-limit-limit": "1e300", "x-rate-limit-interval": "1e9s"},
    ],
)
def test_a_learnt_window_is_capped(headers: dict[str, str]) -> None:
    limits = parse_limits(headers)
    assert limits.interval is None or 0 < limits.interval <= MAX_INTERVAL
    assert limits.count is None or 1 <= limits.count <= 1_000_000
    limiter = LocalLimiter(10, 3)
    limiter.observe(headers)
    count, width = limiter.window
    assert count >= 1 and width <= MAX_INTERVAL + limiter.margin


def test_a_long_window_keeps_its_rate_when_scaled() -> None:
    limits = parse_limits({"x-rate-limit-limit": "3000", "x-rate-limit-interval": "5m"})
    assert limits.interval == MAX_INTERVAL and limits.rate == 10


@pytest.mark.parametrize(
    "value",
    [
        "\xb2",  # SUPERSCRIPT TWO: str.isdigit() says yes, int() refuses (a latin-1 header)
        "\u0662",  # ARABIC-INDIC TWO
        "9" * 5000,  # past int()'s digit limit
        "99999999999999999999",
        "-3",
        " ",
    ],
)
def test_a_garbled_concurrency_is_ignored_or_capped(value: str) -> None:
    limits = parse_limits({"x-concurrency-limit": value})
    assert limits.concurrency is None or 1 <= limits.concurrency <= 1000
    limiter = LocalLimiter(10, 3)
    limiter.observe({"x-concurrency-limit": value})
    assert 1 <= limiter.concurrency <= 1000


def test_a_wait_in_the_window_longer_than_max_pause_is_refused(sleeps: list[float]) -> None:
    limiter = LocalLimiter(10, 3)
    limiter.observe({"x-rate-limit-limit": "1", "x-rate-limit-interval": "1h"})
    with limiter.slot(max_pause=5.0):
        pass
    with pytest.raises(Paused), limiter.slot(max_pause=5.0):
        pass
    assert all(s <= 5.0 for s in sleeps)
    # The refused request reserved nothing: the window still holds one start.
    assert len(limiter._starts) == 1


def test_without_max_pause_the_wait_is_the_capped_window(sleeps: list[float]) -> None:
    limiter = LocalLimiter(10, 3)
    limiter.observe({"x-rate-limit-limit": "1", "x-rate-limit-interval": "1000000h"})
    with limiter.slot():
        pass
    with limiter.slot():
        pass
    assert sleeps and max(sleeps) <= MAX_INTERVAL + limiter.margin


def test_the_shared_limiter_refuses_a_long_wait_too() -> None:
    """The Redis-shared budget (every worker of the machine) keeps the same bound."""
    import os
    import uuid
    from urllib.parse import urlsplit

    import redis

    from citeaudit.resolve.limiter import RedisLimiter
    from tests.need import missing

    server = urlsplit(os.environ.get("CITEAUDIT_TEST_REDIS_URL", "redis://127.0.0.1:6379"))
    client = redis.Redis(host=server.hostname, port=server.port or 6379, socket_timeout=1)
    try:
        client.ping()
    except (redis.RedisError, OSError):
        missing(f"no Redis on {server.netloc}")
    name = f"test-{uuid.uuid4().hex}"
    try:
        limiter = RedisLimiter(client, name, 10, 3)
        limiter.observe({"x-rate-limit-limit": "1", "x-rate-limit-interval": "1000000h"})
        assert float(client.hget(f"citeaudit:limiter:{name}:conf", "interval")) <= MAX_INTERVAL
        with limiter.slot(max_pause=5.0):
            pass
        with pytest.raises(Paused), limiter.slot(max_pause=5.0):
            pass
        # The refused request left no reservation behind, nor a held concurrency lease.
        assert client.zcard(f"citeaudit:limiter:{name}:starts") == 1
        assert client.zcard(f"citeaudit:limiter:{name}:slots") == 0
    finally:
        keys = client.keys(f"citeaudit:limiter:{name}*")
        if keys:
            client.delete(*keys)
        client.close()
