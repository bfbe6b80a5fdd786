"""A tarpit host with many links does not take every worker from the other hosts.

The checker runs a few hundred workers over the targets, hosts in turn; a worker
that takes a link waits for that host's slot (two requests at a time). A host that
answers slowly keeps its slots, so each worker that came to one of its links waited
there: with a few hundred links on the tarpit, every worker ended up waiting on it,
and the links of the other hosts behind them were never asked before the run's time
ran out. A host now has at most as many workers as its slots; its other links wait
in line without holding a worker. Counted: the requests each stand-in received.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator

import pytest

from citeaudit.links.checker import OUT_OF_TIME, LinkChecker
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.redteam_net_server import RawServer, answer

POLICY = LinkPolicy(
    concurrency=16,
    per_host=2,
    min_interval=0.0,
    connect_timeout=2.0,
    read_timeout=5.0,
    total_timeout=5.0,
    max_retries=0,
    # Room for the 1,200 quick links on a busy machine (they took over 8 s there, and
    # the run's deadline came first); the tarpit answers every 2 s, so in this time it
    # frees few workers: held by it, as before the fix, 300 or more are never asked.
    max_run_time=20.0,
    soft404=False,
    archive=False,
    probe_timeout=2.0,
    allow_private_networks=True,  # the stand-ins are on loopback
)
TARPIT_LINKS, SITES, SITE_LINKS = 400, 3, 400


def _slow(sock: socket.socket, target: str) -> None:
    time.sleep(2.0)
    sock.sendall(answer("200 OK", body=b"<title>slow</title>"))


def _fast(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("200 OK", body=b"<title>fast</title>"))


@pytest.fixture(scope="module")
def servers() -> Iterator[list[RawServer]]:
    started = [RawServer({"/": _slow}, host="127.0.0.1").start()]
    started += [RawServer({"/": _fast}, host=f"127.0.0.{2 + i}").start() for i in range(SITES)]
    yield started
    for s in started:
        s.stop()


def test_the_other_hosts_links_are_all_checked_while_a_tarpit_holds_its_own(
    servers: list[RawServer],
) -> None:
    tarpit, *sites = servers
    urls = [tarpit.url(f"/t{i}") for i in range(TARPIT_LINKS)]
    urls += [s.url(f"/p{i}") for s in sites for i in range(SITE_LINKS)]

    async def go() -> list[LinkCheck]:
        async with LinkChecker(
            POLICY, doi_url=sites[0].url(""), archive_url=None, probe_urls=[sites[0].url("/")]
        ) as checker:
            return await checker.check_all([target_for(u) for u in urls])

    checks = asyncio.run(go())
    others = checks[TARPIT_LINKS:]
    assert sum(s.hits["/"] for s in sites) == SITES * SITE_LINKS  # every one asked
    assert all(c.outcome is LinkOutcome.OK for c in others)
    assert any(c.reason == OUT_OF_TIME for c in checks[:TARPIT_LINKS])
