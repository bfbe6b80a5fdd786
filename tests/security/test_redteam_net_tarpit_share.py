"""A tarpit host with many links does not take every worker from the other hosts.

The checker runs a few hundred workers over the targets, hosts in turn; a worker
that takes a link waits for that host's slot (two requests at a time). A host that
answers slowly keeps its slots, so each worker that came to one of its links waited
there: with a few hundred links on the tarpit, every worker ended up waiting on it,
and the links of the other hosts behind them were never asked before the run's time
ran out. A host now has at most as many workers as its slots; its other links wait
in line without holding a worker. Counted: the requests each stand-in received.

Decided by events, not by the machine's speed (with a 20 s run deadline in real time
it took 20 s each time, and 1,200 quick links on a busy machine had come close to
it): the tarpit holds every request it gets until the test ends, and the run's time
runs out when the test moves the event loop's clock on (`tests.stepped_clock`) --
once every other host's link is checked and the tarpit holds a request. A hang guard
steps the clock anyway after `SAFETY_NET` real seconds: a run in which the tarpit
held every worker then ends with the other hosts' links never asked (a failure).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

from citeaudit.links.checker import OUT_OF_TIME, LinkChecker
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.redteam_net_server import HeldTarpit, RawServer, fast_page
from tests.stepped_clock import SteppedLoop, stepped_loops

RUN_TIME = 120.0  # never reached in real time: the test moves the clock past it
REQUEST_TIMEOUT = 300.0  # longer than any step: only the run's deadline ends a request
SAFETY_NET = 60.0  # the hang guard's real seconds; passed only when the test fails
POLICY = LinkPolicy(
    concurrency=16,
    per_host=2,
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
# Hundreds of links on each host: before the fix, the tarpit's took every worker.
TARPIT_LINKS, SITES, SITE_LINKS = 400, 3, 400


@pytest.fixture
def servers() -> Iterator[tuple[HeldTarpit, list[RawServer]]]:
    held = HeldTarpit(SAFETY_NET * 2)
    started = [RawServer({"/": held}, host="127.0.0.1").start()]
    started += [RawServer({"/": fast_page}, host=f"127.0.0.{2 + i}").start() for i in range(SITES)]
    yield held, started
    held.release.set()
    for s in started:
        s.stop()


def test_the_other_hosts_links_are_all_checked_while_a_tarpit_holds_its_own(
    servers: tuple[HeldTarpit, list[RawServer]],
) -> None:
    held, (tarpit, *sites) = servers
    urls = [tarpit.url(f"/t{i}") for i in range(TARPIT_LINKS)]
    urls += [s.url(f"/p{i}") for s in sites for i in range(SITE_LINKS)]
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
            elsewhere = not check.url.startswith(tarpit.url("/"))
            sites_ok += elsewhere and check.outcome is LinkOutcome.OK
            time_is_up_when_ready()

        held.on_arrival = lambda: loop.call_soon_threadsafe(time_is_up_when_ready)
        threading.Thread(
            target=lambda: ended.wait(SAFETY_NET) or loop.step(RUN_TIME + 1), daemon=True
        ).start()
        try:
            async with LinkChecker(
                POLICY, doi_url=sites[0].url(""), archive_url=None, probe_urls=[sites[0].url("/")]
            ) as checker:
                return await checker.check_all([target_for(u) for u in urls], progress)
        finally:
            ended.set()

    with stepped_loops():
        checks = asyncio.run(go())
    others = checks[TARPIT_LINKS:]
    assert sum(s.hits["/"] for s in sites) == SITES * SITE_LINKS  # every one asked
    assert all(c.outcome is LinkOutcome.OK for c in others)  # while the tarpit held its own
    assert 1 <= held.arrived <= POLICY.per_host  # its slots, held to the end
    assert all(c.reason == OUT_OF_TIME for c in checks[:TARPIT_LINKS])
