"""A registry's Retry-After holds its budget back for a bounded time, whoever sent it.

Before: a 429 whose Retry-After was longer than the channel waits (``999999999999``
seconds, or an HTTP date in the year 9999) paused the budget for exactly that long.
The pause outlives the audit: a worker's `LocalLimiter` lives as long as the process,
and a `RedisLimiter` shares it with every worker on the machine, so one answer from
a registry (or from whatever a registry's redirect reached) stopped every later
audit's look-ups there, each reported "rate-limited", for good. The link checker
never waits past its bound; the registries now keep a pause within
`limiter.MAX_PAUSE` too.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.enricher import build_resolver
from citeaudit.resolve.limiter import MAX_PAUSE, Limiter, LocalLimiter, Paused, RedisLimiter
from citeaudit.resolve.resolver import RegistryResolver
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.stand_ins.registry_server import RegistryStandIn

LATE = ref("late", doi="10.1038/nature14539", title="Deep learning", authors=("LeCun",), year=2017)

# What a registry may say: delta-seconds past any sane wait, and dates far ahead.
HUGE = ["999999999999", "86400", "Fri, 31 Dec 9999 23:59:59 GMT"]


@pytest.fixture
def stand_in() -> Iterator[RegistryStandIn]:
    server = RegistryStandIn().start()
    yield server
    server.stop()


@pytest.fixture
def make_resolver(
    stand_in: RegistryStandIn, tmp_path: Path
) -> Iterator[Callable[[], RegistryResolver]]:
    made: list[RegistryResolver] = []

    def make() -> RegistryResolver:
        resolver = build_resolver(settings_for(stand_in.url, tmp_path / "c"), policy=FAST_RETRY)
        made.append(resolver)
        return resolver

    yield make
    for resolver in made:
        resolver.close()


def _paused_for(limiter: Limiter) -> float:
    """The seconds `limiter` is held back for, as a caller that waits for none sees it."""
    try:
        with limiter.slot(max_pause=0.0):
            return 0.0
    except Paused as paused:
        return paused.seconds


@pytest.mark.parametrize("value", HUGE)
def test_a_registrys_huge_retry_after_pauses_its_budget_no_longer_than_the_bound(
    stand_in: RegistryStandIn, make_resolver: Callable[..., RegistryResolver], value: str
) -> None:
    stand_in.fail_next.extend([429])
    stand_in.retry_after = value
    resolver = make_resolver()
    run = resolver.resolve([LATE])
    assert run.resolutions["late"].state is ResolutionState.FAILED
    assert "rate-limited" in (run.resolutions["late"].reason or "")
    paused = _paused_for(resolver.crossref.channel.budget("single"))
    assert 0 < paused <= MAX_PAUSE


@pytest.mark.parametrize("seconds", [1e12, math.inf, math.nan, -5.0])
def test_a_local_limiter_keeps_any_pause_within_the_bound(seconds: float) -> None:
    limiter = LocalLimiter(10, 2)
    limiter.pause(seconds)
    assert _paused_for(limiter) <= MAX_PAUSE


@pytest.mark.parametrize("seconds", [1e12, math.inf, math.nan, -5.0])
def test_a_shared_limiter_keeps_any_pause_within_the_bound_for_every_worker(
    redis_client: Any, seconds: float
) -> None:
    name = f"net19-{uuid.uuid4().hex}"
    try:
        RedisLimiter(redis_client, name, 10, 2).pause(seconds)
        other_worker = RedisLimiter(redis_client, name, 10, 2)
        assert _paused_for(other_worker) <= MAX_PAUSE
    finally:
        keys = redis_client.keys(f"citeaudit:limiter:{name}*")
        if keys:
            redis_client.delete(*keys)
