"""The link farm (real HTTP servers on 127.0.0.2, .3, ...) and a fast checker on it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator, Sequence
from typing import Any

import httpx
import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import IPAddress
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck
from tests.stand_ins.link_farm import Farm

# Quick enough for tests, slow enough for a loaded CI machine.
FAST = LinkPolicy(
    concurrency=16,
    per_host=4,
    min_interval=0.0,
    connect_timeout=2.0,
    read_timeout=1.0,
    total_timeout=1.0,
    backoff=0.05,
    max_retries=1,
    max_retry_after=2.0,
    probe_timeout=2.0,
    allow_private_networks=True,  # the farm itself is on loopback
    user_agent="citeaudit-test (mailto:editor@example.org)",
)



def LOOPBACK_IS_PUBLIC(ip: IPAddress) -> bool:
    """The address rule for a test where the farm plays the public web: what only a
    public link gets (an archive suggestion) is asked of it too."""
    return False


class TimedTransport(httpx.AsyncBaseTransport):
    """Answers 200 after a per-host delay; remembers when each request started."""

    def __init__(self, delays: dict[str, float]) -> None:
        self.delays = delays
        self.starts: dict[str, list[float]] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        self.starts.setdefault(host, []).append(time.monotonic())
        await asyncio.sleep(self.delays[host])
        return httpx.Response(200, stream=httpx.ByteStream(b"<title>x</title>ok"))


@pytest.fixture(scope="session")
def farm() -> Iterator[Farm]:
    f = Farm().start()
    yield f
    f.stop()


def make_checker(farm: Farm, policy: LinkPolicy = FAST, **kwargs: Any) -> LinkChecker:
    kwargs.setdefault("doi_url", farm.url("svc", ""))
    kwargs.setdefault("archive_url", farm.url("svc", "/wayback/available"))
    kwargs.setdefault("probe_urls", [farm.url("svc", "/")])
    kwargs.setdefault("dns_names", ["localhost"])
    return LinkChecker(policy, **kwargs)


def check(
    farm: Farm, values: Sequence[str], policy: LinkPolicy = FAST, **kwargs: Any
) -> list[LinkCheck]:
    async def go() -> list[LinkCheck]:
        async with make_checker(farm, policy, **kwargs) as checker:
            return await checker.check_all([target_for(v) for v in values])

    return asyncio.run(go())


def check_one(farm: Farm, value: str, policy: LinkPolicy = FAST, **kwargs: Any) -> LinkCheck:
    return check(farm, [value], policy, **kwargs)[0]
