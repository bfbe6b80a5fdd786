"""Many host names on one slow server do not take every link worker.

The per-host limits counted host names: a wildcard DNS name (`*.tarpit.example`, all on
one address) gave an uploaded file as many "hosts" as it liked on one server, each
with a host's share of the workers and of the global slots. One slow server then held
all of them, and the other hosts' links ran out of the run's time. Now at most
`per_address` requests are in flight to one IP address, whatever its names, in the
checker's turns and at every request (redirect hops, soft-404 probes), and with Redis
over every process. Names are mapped to loopback addresses by the transport's own
resolver hook. Counted: the requests each stand-in received, and the most the slow
one had in flight at once.

Decided by events, not by the machine's speed (a deadline of 1.5 s in real time once
failed at a load average of 9, with 144 of the 180 site links answered): the tarpit
holds every request it gets until the test ends, and the run's time runs out when the
test moves the event loop's clock on (`tests.stepped_clock`) -- once every site link is
checked and the tarpit holds a request. So the tarpit's requests are cut by the run's
deadline, and the site links are checked while it holds its share, never raced against
a clock. A hang guard steps the clock anyway after `SAFETY_NET` real seconds: a run in
which the tarpit took every worker then ends with the site links out of time (a
failure, never a hang).
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator

import pytest

from citeaudit.links.address_gate import AddressGate
from citeaudit.links.checker import OUT_OF_TIME, LinkChecker, Progress
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import Resolver
from citeaudit.links.shared_pacing import SharedPacer
from citeaudit.links.targets import target_for
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.redteam_net_server import HeldTarpit, RawServer, answer, fast_page
from tests.stepped_clock import SteppedLoop, stepped_loops

RUN_TIME = 120.0  # never reached in real time: the test moves the clock past it
REQUEST_TIMEOUT = 300.0  # longer than any step: only the run's deadline ends a request
SAFETY_NET = 60.0  # the hang guard's real seconds; passed only when the test fails
POLICY = LinkPolicy(
    concurrency=16,
    per_host=2,
    per_address=4,
    min_interval=0.0,
    connect_timeout=REQUEST_TIMEOUT,
    read_timeout=REQUEST_TIMEOUT,
    total_timeout=REQUEST_TIMEOUT,
    max_retries=0,
    max_run_time=RUN_TIME,
    soft404=False,
    archive=False,
    probe_timeout=REQUEST_TIMEOUT,
    allow_private_networks=True,  # the stand-ins are on loopback
)
TARPIT_NAMES, SITES, SITE_LINKS = 200, 3, 60


class _Slow:
    """Answers after a pause, counting how many requests it holds at once."""

    def __init__(self, pause: float) -> None:
        self.pause = pause
        self.now = self.most = 0
        self._lock = threading.Lock()

    def __call__(self, sock: socket.socket, target: str) -> None:
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(self.pause)
        with self._lock:  # before the answer: once it is sent, the next may come
            self.now -= 1
        sock.sendall(answer("200 OK", body=b"<title>slow</title>"))


@pytest.fixture
def stand_ins() -> Iterator[tuple[RawServer, HeldTarpit, list[RawServer]]]:
    held = HeldTarpit(SAFETY_NET * 2)
    tarpit = RawServer({"/": held}, host="127.0.0.1").start()
    sites = [RawServer({"/": fast_page}, host=f"127.0.0.{2 + i}").start() for i in range(SITES)]
    yield tarpit, held, sites
    held.release.set()
    for s in [tarpit, *sites]:
        s.stop()


def _names(sites: list[RawServer]) -> Resolver:
    """The wildcard: every *.tarpit.test name is 127.0.0.1; site-N.test its own."""

    async def lookup(host: str, port: int) -> list[str]:
        if host.endswith(".tarpit.test"):
            return ["127.0.0.1"]
        return [sites[int(host.split(".")[0].removeprefix("site-"))].host]

    return Resolver(lookup=lookup)


def _urls(tarpit: RawServer, sites: list[RawServer]) -> list[str]:
    urls = [f"http://n{i}.tarpit.test:{tarpit.port}/t" for i in range(TARPIT_NAMES)]
    urls += [
        f"http://site-{n}.test:{s.port}/p{i}"
        for n, s in enumerate(sites)
        for i in range(SITE_LINKS)
    ]
    return urls


async def _check(
    policy: LinkPolicy,
    urls: list[str],
    sites: list[RawServer],
    pacer: SharedPacer | None = None,
    progress: Progress | None = None,
) -> list[LinkCheck]:
    transport = PerHostTransport(
        per_host=policy.per_host, allow_private=True, resolver=_names(sites)
    )
    async with LinkChecker(
        policy,
        doi_url=sites[0].url(""),
        archive_url=None,
        probe_urls=[sites[0].url("/")],
        transport=transport,
        pacer=pacer,
    ) as checker:
        return await checker.check_all([target_for(u) for u in urls], progress)


def test_names_on_one_slow_address_share_one_addresss_limit(
    stand_ins: tuple[RawServer, HeldTarpit, list[RawServer]],
) -> None:
    tarpit, held, sites = stand_ins
    sites_ok = 0

    async def go() -> list[LinkCheck]:
        loop = asyncio.get_running_loop()
        assert isinstance(loop, SteppedLoop)
        ended = threading.Event()

        def time_is_up() -> None:  # once, on the loop's thread or the hang guard's
            if not ended.is_set():
                ended.set()
                loop.step(RUN_TIME + 1)

        def time_is_up_when_ready() -> None:  # on the loop's thread
            if sites_ok == SITES * SITE_LINKS and held.arrived:
                time_is_up()

        def progress(check: LinkCheck) -> None:
            nonlocal sites_ok
            sites_ok += ".tarpit.test" not in check.url and check.outcome is LinkOutcome.OK
            time_is_up_when_ready()

        held.on_arrival = lambda: loop.call_soon_threadsafe(time_is_up_when_ready)
        guard = threading.Thread(
            target=lambda: ended.wait(SAFETY_NET) or loop.step(RUN_TIME + 1), daemon=True
        )
        guard.start()
        try:
            return await _check(POLICY, _urls(tarpit, sites), sites, progress=progress)
        finally:
            ended.set()

    with stepped_loops():
        checks = asyncio.run(go())
    others = checks[TARPIT_NAMES:]
    assert sum(s.hits["/"] for s in sites) == SITES * SITE_LINKS  # every one asked
    assert all(c.outcome is LinkOutcome.OK for c in others)  # while the tarpit held its share
    # one address's share in all: the tarpit held each request it got to the end, so
    # what it got is what it had at once (before: a share per name, every worker)
    assert 1 <= held.arrived <= POLICY.per_address
    assert tarpit.hits["/"] == held.arrived
    assert all(c.reason == OUT_OF_TIME for c in checks[:TARPIT_NAMES])


REDIS_URL = os.environ.get("CITEAUDIT_TEST_REDIS_URL")


@pytest.mark.skipif(not REDIS_URL, reason="CITEAUDIT_TEST_REDIS_URL unset")
def test_the_address_limit_holds_over_checkers_sharing_redis() -> None:
    """Two checkers (two workers' chunks) on one Redis: the slow address sees at most
    `per_address` requests at once, not twice that. No run deadline here: a request
    given up at a deadline frees its slot while the server still works on it."""
    assert REDIS_URL is not None
    slow = _Slow(0.1)
    tarpit = RawServer({"/": slow}, host="127.0.0.1").start()
    site = RawServer({"/": fast_page}, host="127.0.0.2").start()
    limits = {f"{kind}_timeout": 10.0 for kind in ("connect", "read", "total", "probe")}
    policy = dataclasses.replace(POLICY, per_address=3, max_run_time=None, **limits)
    prefix = f"citeaudit:test:{uuid.uuid4().hex}:"

    async def go() -> None:
        pacers = [SharedPacer.from_url(REDIS_URL, 0.0, prefix=prefix) for _ in range(2)]
        try:
            names = [
                [f"http://n{k}-{i}.tarpit.test:{tarpit.port}/t" for i in range(6)] for k in (0, 1)
            ]
            await asyncio.gather(
                *(_check(policy, n, [site], p) for n, p in zip(names, pacers, strict=True))
            )
            assert all(p.available for p in pacers)
        finally:
            for p in pacers:
                await p.aclose()

    try:
        asyncio.run(go())
    finally:
        tarpit.stop()
        site.stop()
    assert tarpit.hits["/"] == 12  # every one asked
    assert slow.most <= policy.per_address


def test_a_wildcard_cannot_hand_out_fresh_ipv6_addresses_of_one_network() -> None:
    """One server holds a whole IPv6 /64: a wildcard name answering a fresh address of
    it for each name was as many servers as it liked. A /64 is one address's limit
    (an IPv4-mapped address is its IPv4 one); another /64 is not held up."""

    async def blocked(first: str, second: str) -> bool:
        gate = AddressGate(1)
        entered: list[str] = []

        async def other() -> None:
            async with gate.slot([second]):
                entered.append(second)

        async with gate.slot([first]):
            task = asyncio.create_task(other())
            for _ in range(5):
                await asyncio.sleep(0)
            waited = not entered
        await task
        assert entered == [second]
        return waited

    def run(first: str, second: str) -> bool:
        return asyncio.run(blocked(first, second))

    assert run("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:fffe")
    assert run("127.0.0.1", "::ffff:127.0.0.1")
    assert not run("2001:db8:1:2::1", "2001:db8:1:3::1")
    assert not run("192.0.2.1", "192.0.2.2")


def test_the_address_limit_never_cuts_one_hosts_own_limit() -> None:
    assert LinkPolicy(per_host=2, per_address=8).address_limit == 8
    assert LinkPolicy(per_host=16, per_address=8).address_limit == 16  # `--per-host 16`
