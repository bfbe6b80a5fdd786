"""Pacing: a window of starts and a concurrency limit, in-process and shared through Redis."""

from __future__ import annotations

import bisect
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from citeaudit.resolve import limiter as limiter_module
from citeaudit.resolve.limiter import Limiter, LocalLimiter, RedisLimiter, parse_limits

HEADERS = {"x-rate-limit-limit": "4", "x-rate-limit-interval": "0.3s", "x-concurrency-limit": "2"}


@pytest.fixture(autouse=True)
def jitter_margin(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each window held 0.15 s longer than announced (the service: 0.05 s). The starts
    are timed by the threads after their slot is granted: on a busy machine one timed
    late beside the next window's first made five in 0.3 s with the service's margin."""
    monkeypatch.setattr(limiter_module, "MARGIN", 0.15)


def _not_one_a_window(starts: list[float], interval: float) -> None:
    """Not needlessly slower: the announced window's starts are used together. A limiter
    that misread the announced count as one start a window spaces every start by a
    whole window, so no window of the announced interval ever holds two. Counted on
    the starts, not the wall time of the run: a busy machine stretches a run (1.4 s
    for an ideal 0.85 s; once past any fixed bound) but not the gap between two starts
    one grant lets through together."""
    assert _most_in_window(starts, interval) >= 2


def test_parse_limits_reads_crossref_headers() -> None:
    limits = parse_limits(
        {"x-rate-limit-limit": "50", "x-rate-limit-interval": "1s", "x-concurrency-limit": "5"}
    )
    assert limits.rate == 50 and limits.concurrency == 5
    assert (limits.count, limits.interval) == (50, 1)
    assert parse_limits({"x-rate-limit-limit": "10", "x-rate-limit-interval": "2s"}).rate == 5
    assert parse_limits({"x-rate-limit-limit": "3000", "x-rate-limit-interval": "1m"}).rate == 50
    assert parse_limits({"x-rate-limit-limit": "junk"}).rate is None
    assert parse_limits({"x-rate-limit-limit": "nan"}).rate is None
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


def _most_in_window(starts: list[float], width: float) -> int:
    """The most starts any window of `width` seconds holds (what a server counts)."""
    return max(bisect.bisect_left(starts, s + width) - i for i, s in enumerate(starts))


def _check_window(limiter: Limiter, n: int = 10) -> None:
    """4 starts per 0.3 s, 2 at once: never more, and not needlessly slower."""
    starts, peak = _hammer(limiter, n, hold=0.02)
    assert peak <= 2
    assert _most_in_window(starts, 0.3) <= 4
    _not_one_a_window(starts, 0.3)


def test_local_limiter_keeps_the_announced_window_and_concurrency() -> None:
    limiter = LocalLimiter(1000, 10)
    limiter.observe(HEADERS)
    assert (limiter.rate, limiter.concurrency) == (4 / 0.3, 2)
    _check_window(limiter)


def test_local_limiter_follows_headers_and_pauses() -> None:
    limiter = LocalLimiter(1000, 10)
    limiter.observe({"x-rate-limit-limit": "20", "x-concurrency-limit": "1"})
    assert (limiter.rate, limiter.concurrency) == (20, 1)
    limiter.pause(0.3)
    started = time.monotonic()
    with limiter.slot():
        pass
    assert time.monotonic() - started >= 0.25


def test_a_429_halves_the_budget_used_and_answers_win_it_back() -> None:
    limiter = LocalLimiter(1000, 10)
    limiter.observe({"x-rate-limit-limit": "8", "x-rate-limit-interval": "1s"})
    assert limiter.window[0] == 8
    limiter.lower()
    assert limiter.window[0] == 4
    limiter.lower()
    limiter.lower()
    limiter.lower()
    assert limiter.window[0] == 1  # never below one request per window
    for _ in range(40):
        limiter.recover()
    assert limiter.window[0] == 8 and limiter.share == 1.0
    limiter.observe({"x-rate-limit-limit": "8"})  # headers do not undo a lowering
    limiter.lower()
    limiter.observe({"x-rate-limit-limit": "8"})
    assert limiter.window[0] == 4


def test_a_sibling_is_a_separate_budget_that_starts_one_at_a_time() -> None:
    seed = LocalLimiter(10, 5)
    single, lists = seed.sibling("single"), seed.sibling("list")
    assert single.concurrency == 1 and single.rate == 10
    lists.observe({"x-rate-limit-limit": "3", "x-concurrency-limit": "3"})
    assert (lists.rate, single.rate, seed.rate) == (3, 10, 10)


def _forget(client: Any, name: str) -> None:
    keys = client.keys(f"citeaudit:limiter:{name}*")
    if keys:
        client.delete(*keys)


def test_redis_limiter_is_shared_between_instances(redis_client: Any) -> None:
    """Two limiters with one name behave as one: like two worker processes."""
    name = f"test-{uuid.uuid4().hex}"
    a = RedisLimiter(redis_client, name, 1000, 10)
    b = RedisLimiter(redis_client, name, 1000, 10)
    a.observe(HEADERS)
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
            time.sleep(0.02)
            with lock:
                active -= 1

    try:
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(one, range(10)))
        starts.sort()
        assert peak <= 2
        assert _most_in_window(starts, 0.3) <= 4
        _not_one_a_window(starts, 0.3)
    finally:
        _forget(redis_client, name)


def test_redis_limiter_shares_learned_limits_and_lowering(redis_client: Any) -> None:
    name = f"test-{uuid.uuid4().hex}"
    seed_a = RedisLimiter(redis_client, name, 1000, 10)
    try:
        a = seed_a.sibling("polite:list")
        a.observe(HEADERS)
        b = RedisLimiter(redis_client, name, 1000, 10).sibling("polite:list")
        assert (b.rate, b.concurrency) == (4 / 0.3, 2)  # a fresh worker starts from it
        _check_window(b)
        a.lower()
        starts, _ = _hammer(b, 3)
        assert _most_in_window(starts, 0.3) <= 2  # b obeys a's lowering
        other = seed_a.sibling("polite:single")
        assert other.concurrency == 1  # another budget learnt nothing from a's headers
    finally:
        _forget(redis_client, name)
