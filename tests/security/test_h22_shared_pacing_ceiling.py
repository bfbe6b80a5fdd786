"""Limits stored in Redis never lift the configured politeness, for any budget.

Class: the shared pacing scripts (`links.shared_pacing.TAKE_START`, `HOLD`) read the
budget's hash in Redis (``count``, ``interval``, ``concurrency``, ``share``) before
their arguments and used it as is. Whatever wrote that hash -- a worker configured
faster, an old version that adopted any header, a hostile registry's headers learnt
by a misconfigured worker, or anyone with write access to Redis -- set the pace of
every other worker on the same budget: the main registry budget (which never loads
and re-caps the hash, unlike the per-kind siblings) and the link checker's host
spacing and per-address slots. Now the scripts take the caller's configured limits
as a ceiling: the fewer starts per window, the slower rate, the fewer at once, a
share never above 1, and values that are not positive finite numbers ignored.

Every case stores a different hostile hash; the assertions are on the limits the
scripts apply (a start is deferred by about the configured window, a slot refused),
never on elapsed time.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from citeaudit.links.shared_pacing import HOLD, TAKE_START, SharedPacer
from citeaudit.resolve.limiter import Paused, RedisLimiter

# Each: a hash some other writer left for the budget (all faster than configured).
HOSTILE: dict[str, dict[str, str]] = {
    "a million a second": {"count": "1000000", "interval": "1", "concurrency": "1000"},
    "a huge burst in a long window": {"count": "999999", "interval": "60", "concurrency": "64"},
    "a tiny window": {"count": "5", "interval": "0.0001", "concurrency": "7"},
    "share far above one": {"count": "1", "interval": "100", "concurrency": "900", "share": "500"},
    "infinite values": {"count": "inf", "interval": "1", "concurrency": "inf"},
    "not numbers": {"count": "nan", "interval": "nan", "concurrency": "nan", "share": "nan"},
    "negative window": {"count": "3", "interval": "-5", "concurrency": "9"},
}

WINDOW = 100.0  # configured: one start per 100 s -- any second start is deferred by ~it


@pytest.fixture
def names(redis_client: Any) -> Iterator[list[str]]:
    made: list[str] = []
    yield made
    for prefix in made:
        keys = redis_client.keys(prefix + "*")
        if keys:
            redis_client.delete(*keys)


def _fresh(names: list[str], kind: str) -> str:
    name = f"test-h22-{kind}-{uuid.uuid4().hex}"
    names.append(name)
    return name


@pytest.mark.parametrize("case", list(HOSTILE))
def test_take_start_keeps_the_callers_window(
    redis_client: Any, names: list[str], case: str
) -> None:
    """The script itself: one start per configured window, whatever the hash says."""
    key = _fresh(names, "take")
    redis_client.hset(key + ":conf", mapping=HOSTILE[case])
    take = redis_client.register_script(TAKE_START)
    args = [1, WINDOW, 0]
    first = float(take(keys=[key, key + ":conf"], args=[*args, "a", "first", ""]))
    second = float(take(keys=[key, key + ":conf"], args=[*args, "b", "first", ""]))
    assert first <= 0.0 + 1e-6
    assert second > WINDOW / 2  # deferred by the configured window, not let through


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hold_keeps_the_callers_concurrency(redis_client: Any, names: list[str], case: str) -> None:
    key = _fresh(names, "hold")
    redis_client.hset(key + ":conf", mapping=HOSTILE[case])
    hold = redis_client.register_script(HOLD)
    taken = [int(hold(keys=[key, key + ":conf"], args=[2, f"t{i}", 60])) for i in range(4)]
    assert taken == [1, 1, 0, 0]


@pytest.mark.parametrize("case", list(HOSTILE))
def test_main_registry_budget_ignores_a_faster_shared_hash(
    redis_client: Any, names: list[str], case: str
) -> None:
    """The main budget (not a sibling) of a registry: its second start waits the
    configured window, and a second request at once is refused a slot."""
    name = _fresh(names, "main")
    names.append(f"citeaudit:limiter:{name}")
    redis_client.hset(f"citeaudit:limiter:{name}:conf", mapping=HOSTILE[case])
    slow = RedisLimiter(redis_client, name, 1 / WINDOW, 1)
    with slow.slot(max_pause=5.0):
        pass
    with pytest.raises(Paused) as paused, slow.slot(max_pause=5.0):
        pass
    assert paused.value.seconds > WINDOW / 2

    other = f"{name}-c"
    names.append(f"citeaudit:limiter:{other}")
    redis_client.hset(f"citeaudit:limiter:{other}:conf", mapping=HOSTILE[case])
    one_at_once = RedisLimiter(redis_client, other, 1000.0, 1)
    entered: list[int] = []
    with one_at_once.slot():
        entered.append(1)
        # A deadline already near: refused a slot, the one in use is this process's.
        with pytest.raises(Paused), one_at_once.slot(until=0.0):
            entered.append(2)
    assert entered == [1]


@pytest.mark.parametrize("case", list(HOSTILE))
def test_link_checker_pacing_ignores_a_faster_shared_hash(
    redis_client: Any, names: list[str], case: str
) -> None:
    """The link checker's host spacing and per-address slots over Redis."""
    from redis.asyncio import Redis

    where = redis_client.connection_pool.connection_kwargs  # the fixture's server and db
    prefix = _fresh(names, "links") + ":"
    host, address = "doi.example", "192.0.2.7"
    redis_client.hset(prefix + host + ":conf", mapping=HOSTILE[case])
    redis_client.hset(prefix + "address:" + address + ":conf", mapping=HOSTILE[case])

    async def run() -> tuple[list[bool], list[bool]]:
        client = Redis(host=where["host"], port=where["port"], db=where.get("db", 0))
        pacer = SharedPacer(client, WINDOW, prefix=prefix)
        try:
            turns = []
            for _ in range(2):
                try:
                    await asyncio.wait_for(pacer.wait_turn(host), 2.0)
                    turns.append(True)
                except TimeoutError:
                    turns.append(False)  # waiting out the configured spacing
            slots = []
            for _ in range(3):
                try:
                    token = await asyncio.wait_for(pacer.hold(address, 2, 60.0), 1.0)
                    slots.append(token is not None)
                except TimeoutError:
                    slots.append(False)
            assert pacer.available
            return turns, slots
        finally:
            await pacer.aclose()

    turns, slots = asyncio.run(run())
    assert turns == [True, False]
    assert slots == [True, True, False]
