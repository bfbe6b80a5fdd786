"""Per-host spacing shared through a real Redis by checkers that know nothing of each other."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import uuid
from collections.abc import Iterator

import pytest

from citeaudit.links.shared_pacing import SharedPacer
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkOutcome
from tests.links.conftest import FAST, TimedHosts, make_checker
from tests.redis_db import redis_db
from tests.stand_ins.link_farm import Farm

INTERVAL = 0.1
# Spaced starts, as the host's server timed them: on a loaded machine its threads take
# the requests up to ~20 ms late (seen: 84.9 ms for a 100 ms interval). Unshared
# pacing crowds the host below half the interval (test below), so 70% still tells.
JITTERED = 0.7 * INTERVAL
POLICY = dataclasses.replace(FAST, concurrency=4, per_host=2, min_interval=INTERVAL, soft404=False)


LINKS_REDIS_DB = 12  # apart from the service tests' 13, the watch tests' 11, the others' 15


@pytest.fixture
def redis_url() -> Iterator[str]:
    yield from redis_db(LINKS_REDIS_DB)


def _run_checkers(
    farm: Farm, hosts: TimedHosts, pacers: list[SharedPacer | None]
) -> list[list[LinkOutcome]]:
    """Checkers side by side (as Celery workers would be), each with 4 URLs on one host
    and its own transport."""

    async def one(n: int, pacer: SharedPacer | None) -> list[LinkOutcome]:
        transport = hosts.transport(POLICY)
        async with make_checker(farm, POLICY, transport=transport, pacer=pacer) as checker:
            urls = [hosts.url("a.test", f"/{n}/{i}") for i in range(4)]
            checks = await checker.check_all([target_for(u) for u in urls])
        if pacer is not None:
            await pacer.aclose()
        return [c.outcome for c in checks]

    async def both() -> list[list[LinkOutcome]]:
        return await asyncio.gather(*(one(n, p) for n, p in enumerate(pacers)))

    return asyncio.run(both())


def _gaps(hosts: TimedHosts, expected: int = 8) -> list[float]:
    starts = sorted(hosts.starts["a.test"])
    assert len(starts) == expected
    return [b - a for a, b in itertools.pairwise(starts)]


def test_two_checkers_sharing_redis_space_one_host_as_one(farm: Farm, redis_url: str) -> None:
    prefix = f"citeaudit-test:{uuid.uuid4().hex}:"
    pacers: list[SharedPacer | None] = [
        SharedPacer.from_url(redis_url, INTERVAL, prefix=prefix) for _ in range(2)
    ]
    with TimedHosts({"a.test": 0.01}) as hosts:
        outcomes = _run_checkers(farm, hosts, pacers)
    assert outcomes == [[LinkOutcome.OK] * 4] * 2
    assert min(_gaps(hosts)) >= JITTERED  # the interval, less timer jitter


def test_without_sharing_two_checkers_crowd_the_host(farm: Farm) -> None:
    # What the shared pacing prevents: each checker keeps its own spacing only.
    with TimedHosts({"a.test": 0.01}) as hosts:
        _run_checkers(farm, hosts, [None, None])
    assert min(_gaps(hosts)) < INTERVAL / 2


def test_redis_gone_falls_back_to_local_pacing(farm: Farm) -> None:
    pacer = SharedPacer.from_url("redis://127.0.0.1:1/0", INTERVAL)  # nothing listens there
    with TimedHosts({"a.test": 0.01}) as hosts:
        outcomes = _run_checkers(farm, hosts, [pacer])
    assert outcomes == [[LinkOutcome.OK] * 4]
    assert pacer.available is False
    assert min(_gaps(hosts, 4)) >= JITTERED


def test_check_links_paces_through_redis_when_it_is_set(farm: Farm, redis_url: str) -> None:
    import redis

    from citeaudit.links.run import check_links
    from citeaudit.settings import Settings

    client = redis.Redis.from_url(redis_url)
    key = "citeaudit:links:pace:127.0.0.2"
    client.delete(key)
    settings = Settings(redis_url=redis_url, allow_private_networks=True)
    checks, up = check_links(
        [target_for(farm.url("site", f"/ok?paced={i}")) for i in range(3)],
        settings,
        policy=dataclasses.replace(POLICY, min_interval=0.02),
        use_cache=False,
        probe_urls=[farm.url("svc", "/")],
        dns_names=["localhost"],
    )
    assert up and [c.outcome for c in checks] == [LinkOutcome.OK] * 3
    assert client.exists(key) == 1  # the host's next start time, for every process
    client.close()
