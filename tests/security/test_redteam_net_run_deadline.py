"""A run of link checks ends in its time, however many links a tarpit holds.

Each chain has a deadline (test_redteam_net_deadline.py), but a chunk of 20
references each linking to one slow host (two requests at a time per host), or a
reference listing hundreds of slow hosts, still outlasted a service chunk's time
limit: the chunk was killed and the whole audit failed, and a watch batch lost every
check. A run now has `LinkPolicy.max_run_time` (in the service, a share of the chunk's
limit): links not answered by then are unverified, "out-of-time", other hosts' links
are checked meanwhile, and the phase says how many were left. Counted: the requests
the tarpit received.
"""

from __future__ import annotations

import asyncio
import dataclasses
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from citeaudit.audit_data import AuditData, Phase
from citeaudit.bibliography.interface import Bibliography
from citeaudit.links.checker import OUT_OF_TIME, LinkChecker
from citeaudit.links.enricher import LinkEnricher
from citeaudit.links.policy import RUN_SHARE, LinkPolicy
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from citeaudit.settings import ServiceSettings, Settings
from citeaudit.store import Repository
from citeaudit.store.tables import LinkCheckRow
from citeaudit.watch import account_by_name, recheck_now, watch_audit
from tests.security.redteam_net_server import RawServer, answer
from tests.stand_ins.judged_transport import judged_by
from tests.watch.conftest import stored_audit, watch_settings

POLICY = LinkPolicy(
    concurrency=8,
    per_host=1,
    min_interval=0.0,
    connect_timeout=2.0,
    read_timeout=5.0,
    total_timeout=5.0,
    max_retries=0,
    max_run_time=1.5,
    soft404=False,
    archive=False,
    probe_timeout=2.0,
    allow_private_networks=True,  # the stand-ins are on loopback
)
SLOW_LINKS = 10


def _slow(sock: socket.socket, target: str) -> None:
    time.sleep(0.6)  # each answer well inside the request and chain timeouts
    sock.sendall(answer("200 OK", body=b"<title>slow</title>"))


def _fast(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("200 OK", body=b"<title>fast</title>"))


@pytest.fixture(scope="module")
def tarpit() -> Iterator[RawServer]:
    s = RawServer({"/": _slow}, host="127.0.0.1").start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def site() -> Iterator[RawServer]:
    s = RawServer({"/": _fast}, host="127.0.0.2").start()
    yield s
    s.stop()


def _urls(tarpit: RawServer, site: RawServer) -> list[str]:
    slow = [tarpit.url(f"/p{i}") for i in range(SLOW_LINKS)]
    fast = [site.url(f"/q{i}") for i in range(5)]
    return slow + fast


def test_links_past_the_runs_deadline_are_out_of_time_and_others_still_checked(
    tarpit: RawServer, site: RawServer
) -> None:
    async def go() -> list[LinkCheck]:
        async with LinkChecker(
            POLICY, doi_url=site.url(""), archive_url=None, probe_urls=[site.url("/")]
        ) as checker:
            return await checker.check_all([target_for(u) for u in _urls(tarpit, site)])

    checks = asyncio.run(go())
    slow, fast = checks[:SLOW_LINKS], checks[SLOW_LINKS:]
    assert all(c.outcome is LinkOutcome.OK for c in fast)
    late = [c for c in slow if c.reason == OUT_OF_TIME]
    assert late and all(c.outcome is LinkOutcome.UNVERIFIED for c in late)
    # 1.5 s of 0.6 s answers, one at a time: at most 3 asked (before: all 10)
    assert sum(tarpit.hits.values()) <= 4


def test_the_phase_says_how_many_links_were_left(
    tarpit: RawServer, site: RawServer, tmp_path: Path
) -> None:
    refs = tuple(
        Reference(id=f"r{i}", index=i, location=Location("refs.bib", i), raw="...", urls=(u,))
        for i, u in enumerate(_urls(tarpit, site))
    )
    data = AuditData(
        manuscripts=(),
        bibliographies=(Bibliography(source="refs.bib", format="bibtex", references=refs),),
        citations=(),
        matches=(),
    )
    settings = Settings(doi_url=site.url(""), cache_dir=tmp_path, allow_private_networks=True)
    enricher = LinkEnricher(settings, policy=POLICY, probe_urls=[site.url("/")], dns_names=[])
    out = enricher.enrich(data)
    status = next(p for p in out.phases if p.phase is Phase.LINKS)
    assert not status.done
    assert status.reason is not None and status.reason.startswith("time ran out")


def test_the_service_gives_link_checks_a_share_of_a_chunks_limit() -> None:
    service = ServiceSettings(chunk_time_limit=480.0)
    assert LinkPolicy.from_settings(service).max_run_time == RUN_SHARE * 480.0
    assert LinkPolicy.from_settings(Settings()).max_run_time is None  # the CLI: none


def test_a_watch_recheck_gives_back_the_links_it_had_no_time_for(
    tarpit: RawServer, site: RawServer, tmp_path: Path, repo: Repository
) -> None:
    """A re-check batch past its time recorded nothing (the task was killed): now what
    was checked is recorded, and what was not is due again, not recorded as checked."""
    settings = watch_settings(
        tmp_path,
        site.url("/"),
        link_per_host=1,
        link_timeout=5.0,
        watch_time_limit=1.5 / RUN_SHARE,  # a re-check batch runs under the watch limit
    )
    account = account_by_name(repo, "journal")
    urls = _urls(tarpit, site)
    watch_audit(repo, account, stored_audit(repo, account, urls))
    first, _ = recheck_now(repo, settings, probe_urls=[site.url("/")], deliver=False)
    assert 5 <= first.links_checked < len(urls)  # the fast host's, and a few slow ones
    with repo.session() as session:
        reasons = set(session.scalars(select(LinkCheckRow.reason)))
    assert OUT_OF_TIME not in reasons  # given back, due again: not a check in the history


def _gone(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("404 Not Found", body=b"gone"))


def _slow_archive(sock: socket.socket, target: str) -> None:
    time.sleep(3.0)
    sock.sendall(answer("200 OK", [("Content-Type", "application/json")], b"{}"))


def test_a_broken_link_found_in_time_stays_broken_when_the_archive_is_slow(
    site: RawServer,
) -> None:
    archive = RawServer({"/gone": _gone, "/wayback": _slow_archive}, host="127.0.0.5").start()
    try:

        async def go() -> LinkCheck:
            async with LinkChecker(
                dataclasses.replace(POLICY, archive=True),
                doi_url=site.url(""),
                archive_url=archive.url("/wayback"),
                probe_urls=[site.url("/")],
                transport=judged_by(
                    lambda ip: False, dataclasses.replace(POLICY, archive=True)
                ),  # loopback plays the public web: archived
            ) as checker:
                return (await checker.check_all([target_for(archive.url("/gone"))]))[0]

        check = asyncio.run(go())
    finally:
        archive.stop()
    assert archive.hits["/wayback"] == 1  # asked, and not waited for past the deadline
    assert check.outcome is LinkOutcome.BROKEN  # before: out-of-time, the 404 lost
    assert check.archive_url is None
