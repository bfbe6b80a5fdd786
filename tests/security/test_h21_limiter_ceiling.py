"""A registry's rate headers may only slow us down, never speed us up.

Class: pacing learnt from a response (``x-rate-limit-limit`` per
``x-rate-limit-interval``, ``x-concurrency-limit``) replaced the configured
politeness outright. Anything answering as the registry -- a hostile stand-in, a
proxy, a misconfigured mirror -- could announce a million requests a second or a
thousand at once, and we then sent that much: the limiter's window and concurrency
rose far past ``crossref_rate`` / ``crossref_concurrency`` (what the operator
promised the registry). Now what is learnt is met with what was configured: the
fewer starts per window, the slower rate, the fewer requests at once. A header
announcing less than configured is still obeyed.

The registry stand-in answers ``/works/{doi}`` on 127.0.0.1 in Crossref's shape,
with the headers each case names; the assertions are on the limiter's resulting
window and concurrency, never on wall-clock time.
"""

from __future__ import annotations

import json
import socket
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from citeaudit.resolve.channel import Channel, RetryPolicy
from citeaudit.resolve.crossref import SINGLE, CrossrefRegistry
from citeaudit.resolve.limiter import Limiter, LocalLimiter, RedisLimiter
from tests.security.redteam_net_server import RawServer, answer

FAST = RetryPolicy(attempts=1, base=0.01, cap=0.05, max_retry_after=1.0)
CONFIGURED_RATE = 10.0  # requests per second, as settings.crossref_rate
CONFIGURED_CONCURRENCY = 3

# Each: the headers the stand-in sends on every answer (hostile: faster than configured).
HOSTILE: dict[str, list[tuple[str, str]]] = {
    "a million a second": [
        ("X-Rate-Limit-Limit", "1000000"),
        ("X-Rate-Limit-Interval", "1s"),
        ("X-Concurrency-Limit", "1000"),
    ],
    "a huge burst in a long window": [
        ("X-Rate-Limit-Limit", "999999"),
        ("X-Rate-Limit-Interval", "60s"),
        ("X-Concurrency-Limit", "64"),
    ],
    "many in milliseconds": [
        ("X-Rate-Limit-Limit", "500"),
        ("X-Rate-Limit-Interval", "10ms"),
    ],
    "only concurrency": [("X-Concurrency-Limit", "999999999999")],
    "lower case, a rate as a float": [
        ("x-rate-limit-limit", "12345.5"),
        ("x-rate-limit-interval", "0.5"),
        ("x-concurrency-limit", "4"),
    ],
}

# Headers slower than configured: they must still be obeyed.
SLOWER: dict[str, tuple[list[tuple[str, str]], float, int]] = {
    "five a second, one at a time": (
        [
            ("X-Rate-Limit-Limit", "5"),
            ("X-Rate-Limit-Interval", "1s"),
            ("X-Concurrency-Limit", "1"),
        ],
        5.0,
        1,
    ),
    "sixty a minute, two at once": (
        [
            ("X-Rate-Limit-Limit", "60"),
            ("X-Rate-Limit-Interval", "1m"),
            ("X-Concurrency-Limit", "2"),
        ],
        1.0,
        2,
    ),
}

RECORD = {
    "status": "ok",
    "message-type": "work",
    "message": {"DOI": "10.1000/h21", "title": ["A title"], "type": "journal-article"},
}


def _headers_of(target: str) -> list[tuple[str, str]]:
    case = target.split("/")[1]
    name = case.replace("_", " ")
    if name in HOSTILE:
        return HOSTILE[name]
    return SLOWER[name][0]


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    def works(sock: socket.socket, target: str) -> None:
        body = json.dumps(RECORD).encode()
        extra = _headers_of(target)
        sock.sendall(answer("200 OK", [("Content-Type", "application/json"), *extra], body))

    names = [*HOSTILE, *SLOWER]
    s = RawServer({f"/{n.replace(' ', '_')}/works/": works for n in names}).start()
    yield s
    s.stop()


def _ask(server: RawServer, case: str, seed: Limiter) -> Limiter:
    """One single-record look-up through a Crossref client on the stand-in; the
    budget that look-up drew on, as its answer's headers left it."""
    channel = Channel("crossref", seed, policy=FAST)
    crossref = CrossrefRegistry(
        channel, base_url=server.url(f"/{case.replace(' ', '_')}"), timeout=5.0
    )
    try:
        crossref.begin()
        crossref.works(["10.1000/h21"])
    finally:
        crossref.close()
    assert server.hits[f"/{case.replace(' ', '_')}/works/"] >= 1
    return channel.budget(SINGLE)


def _within_configured(limiter: Limiter) -> None:
    count, width = limiter.window
    assert limiter.rate <= CONFIGURED_RATE + 1e-9
    assert count / (width - limiter.margin) <= CONFIGURED_RATE + 1e-9
    assert count <= CONFIGURED_RATE  # no burst past a second's worth at once
    assert limiter.concurrency <= CONFIGURED_CONCURRENCY


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_headers_never_raise_the_local_pace(server: RawServer, case: str) -> None:
    budget = _ask(server, case, LocalLimiter(CONFIGURED_RATE, CONFIGURED_CONCURRENCY))
    _within_configured(budget)


@pytest.mark.parametrize("case", list(SLOWER))
def test_slower_headers_are_still_obeyed(server: RawServer, case: str) -> None:
    _, rate, concurrency = SLOWER[case]
    budget = _ask(server, case, LocalLimiter(CONFIGURED_RATE, CONFIGURED_CONCURRENCY))
    assert budget.rate == pytest.approx(rate)
    assert budget.concurrency == concurrency
    _within_configured(budget)


def test_direct_headers_on_the_seed_are_capped_too() -> None:
    """The channel's own limiter (requests naming no budget) and a sibling's sibling."""
    seed = LocalLimiter(CONFIGURED_RATE, CONFIGURED_CONCURRENCY)
    seed.observe({name.lower(): value for name, value in HOSTILE["a million a second"]})
    _within_configured(seed)
    deep = seed.sibling("a").sibling("b")
    deep.observe({"x-rate-limit-limit": "1000000", "x-concurrency-limit": "1000"})
    _within_configured(deep)


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_headers_never_raise_the_shared_pace(
    server: RawServer, case: str, redis_client: Any
) -> None:
    """Redis-shared budgets: neither this worker nor another one reading the limits
    from Redis goes past its own configured politeness."""
    name = f"test-h21-{uuid.uuid4().hex}"
    try:
        seed = RedisLimiter(redis_client, name, CONFIGURED_RATE, CONFIGURED_CONCURRENCY)
        budget = _ask(server, case, seed)
        _within_configured(budget)
        other = RedisLimiter(redis_client, name, CONFIGURED_RATE, CONFIGURED_CONCURRENCY)
        later = other.sibling(f"default:{SINGLE}")
        _within_configured(later)
        with later.slot(max_pause=1.0):
            pass
        _within_configured(later)
    finally:
        keys = redis_client.keys(f"citeaudit:limiter:{name}*")
        if keys:
            redis_client.delete(*keys)


def test_limits_another_worker_wrote_to_redis_are_capped(redis_client: Any) -> None:
    """A worker configured faster (or an old version that kept any header) wrote a
    huge budget to Redis: a worker configured politely does not adopt it."""
    name = f"test-h21-{uuid.uuid4().hex}"
    try:
        loud = RedisLimiter(redis_client, name, 100_000.0, 500).sibling("default:single")
        loud.observe({"x-rate-limit-limit": "1000000", "x-concurrency-limit": "1000"})
        polite = RedisLimiter(redis_client, name, CONFIGURED_RATE, CONFIGURED_CONCURRENCY)
        _within_configured(polite.sibling("default:single"))
        # What the shared scripts read first (the hash) is lowered too, for every worker.
        conf = redis_client.hgetall(f"citeaudit:limiter:{name}:default:single:conf")
        count, interval = float(conf[b"count"]), float(conf[b"interval"])
        assert count <= CONFIGURED_RATE and count / interval <= CONFIGURED_RATE + 1e-9
        assert int(float(conf[b"concurrency"])) <= CONFIGURED_CONCURRENCY
    finally:
        keys = redis_client.keys(f"citeaudit:limiter:{name}*")
        if keys:
            redis_client.delete(*keys)
