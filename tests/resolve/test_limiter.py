"""Pacing: token bucket and concurrency, in-process and shared through Redis."""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

import pytest

from citeaudit.resolve.limiter import Limiter, LocalLimiter, RedisLimiter, parse_limits
from tests.need import missing


def test_parse_limits_reads_crossref_headers() -> None:
    limits = parse_limits(
        {"x-rate-limit-limit": "50", "x-rate-limit-interval": "1s", "x-concurrency-limit": "5"}
    )
    assert limits.rate == 50 and limits.concurrency == 5
    assert parse_limits({"x-rate-limit-limit": "10", "x-rate-limit-interval": "2s"}).rate == 5
    assert parse_limits({"x-rate-limit-limit": "junk"}).rate is None
    assert parse_limits({}).concurrency is None


def _hammer(limiter: Limiter, n: int, hold: float = 0.0) -> tuple[list[float], int]:
    starts: list[float] = []
    active = 0
    peak = 0
    lock = threading.Lock()

    def one(_: int) -> None:
        nonlocal active, peak
        with limiter.slot():
            with lock:
                starts.append(time.monotonic())
                active += 1
                peak = max(peak, active)
            time.sleep(hold)
            with lock:
                active -= 1

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(one, range(n)))
    return sorted(starts), peak


def _check_pacing(limiter: Limiter, rate: float) -> None:
    starts, peak = _hammer(limiter, 11, hold=0.05)
    assert peak <= 2
    span = starts[-1] - starts[0]
    assert span >= 10 / rate * 0.95  # never faster than the rate
    assert span <= 10 / (rate * limiter.headroom) + 0.4  # and not needlessly slow


def test_local_limiter_keeps_rate_and_concurrency() -> None:
    _check_pacing(LocalLimiter(40, 2), 40)


def test_local_limiter_follows_headers_and_pauses() -> None:
    limiter = LocalLimiter(1000, 10)
    limiter.observe({"x-rate-limit-limit": "20", "x-concurrency-limit": "1"})
    assert (limiter.rate, limiter.concurrency) == (20, 1)
    limiter.pause(0.3)
    started = time.monotonic()
    with limiter.slot():
        pass
    assert time.monotonic() - started >= 0.25


@pytest.fixture
def redis_client() -> Iterator[Any]:
    import redis

    server = urlsplit(os.environ.get("CITEAUDIT_TEST_REDIS_URL", "redis://127.0.0.1:6379"))
    client = redis.Redis(host=server.hostname, port=server.port or 6379, socket_timeout=1)
    try:
        client.ping()
    except (redis.RedisError, OSError):
        missing(f"no Redis on {server.netloc}")
    yield client
    client.close()


def test_redis_limiter_is_shared_between_instances(redis_client: Any) -> None:
    """Two limiters with one name behave as one: like two worker processes."""
    name = f"test-{uuid.uuid4().hex}"
    a = RedisLimiter(redis_client, name, 40, 2)
    b = RedisLimiter(redis_client, name, 40, 2)
    starts: list[float] = []
    active = 0
    peak = 0
    lock = threading.Lock()

    def one(i: int) -> None:
        nonlocal active, peak
        with (a if i % 2 else b).slot():
            with lock:
                starts.append(time.monotonic())
                active += 1
                peak = max(peak, active)
            time.sleep(0.05)
            with lock:
                active -= 1

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(one, range(11)))
    starts.sort()
    assert peak <= 2
    assert starts[-1] - starts[0] >= 10 / 40 * 0.95
    redis_client.delete(*redis_client.keys(f"citeaudit:limiter:{name}:*"))


def test_redis_limiter_shares_learned_limits(redis_client: Any) -> None:
    name = f"test-{uuid.uuid4().hex}"
    a = RedisLimiter(redis_client, name, 1000, 10)
    b = RedisLimiter(redis_client, name, 1000, 10)
    a.observe({"x-rate-limit-limit": "10", "x-rate-limit-interval": "1s"})
    starts, _ = _hammer(b, 4)
    assert starts[-1] - starts[0] >= 3 / 10 * 0.95  # b obeys what a learned
    redis_client.delete(*redis_client.keys(f"citeaudit:limiter:{name}:*"))
