"""A run of link checks ends in its time, however many links a tarpit holds.

Each chain has a deadline (test_redteam_net_deadline.py), but a chunk of 20
references each linking to one slow host (two requests at a time per host), or a
reference listing hundreds of slow hosts, still outlasted a service chunk's time
limit: the chunk was killed and the whole audit failed, and a watch batch lost every
check. A run now has `LinkPolicy.max_run_time` (in the service, a share of the chunk's
limit): links not answered by then are unverified, "out-of-time", other hosts' links
are checked meanwhile, and the phase says how many were left. Counted: the requests
the tarpit received.

Decided by events, not by the machine's speed: the tarpit holds every request until
the test ends (its requests' own timeouts are longer than the run), and the run's time
runs out when the test moves the event loop's clock on (`tests.stepped_clock`) -- once
the fast host's links are done and the tarpit holds one -- so the run can only end
through its deadline, and the fast links are never raced against it.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import socket
import threading
from collections.abc import Callable, Iterator
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
from tests.stepped_clock import SteppedLoop, stepped_loops
from tests.watch.conftest import stored_audit, watch_settings

RUN_TIME = 30.0  # never reached in real time: the test moves the clock past it
REQUEST_TIMEOUT = 120.0  # longer than any step: only the run's deadline ends a request
SAFETY_NET = 20.0  # held requests are answered by then at the latest: a hang guard only
POLICY = LinkPolicy(
    concurrency=8,
    per_host=1,
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
SLOW_LINKS = 10
FAST_LINKS = 5


class Tarpit:
    """Holds each request until `release` (answering well then); counts them and calls
    `on_arrival` with each."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.arrived = 0
        self.on_arrival: Callable[[], None] = lambda: None
        self._lock = threading.Lock()
        self.server = RawServer({"/": self._hold}, host="127.0.0.1")

    def _hold(self, sock: socket.socket, target: str) -> None:
        with self._lock:
            self.arrived += 1
        self.on_arrival()
        if not self.release.wait(SAFETY_NET):
            self.release.set()  # the run did not end: answer everything from now on
        sock.sendall(answer("200 OK", body=b"<title>slow</title>"))


class Site:
    """Answers at once; counts the answers the client has read and closed."""

    def __init__(self) -> None:
        self.read = 0
        self.on_read: Callable[[], None] = lambda: None
        self._lock = threading.Lock()
        self.server = RawServer({"/": self._fast}, host="127.0.0.2")

    def _fast(self, sock: socket.socket, target: str) -> None:
        sock.sendall(answer("200 OK", body=b"<title>fast</title>"))
        if target.startswith("/q"):  # a link, not the reachability probe
            with contextlib.suppress(OSError):
                while sock.recv(1024):  # until the client has read it and let it go
                    pass
            with self._lock:
                self.read += 1
            self.on_read()


@pytest.fixture
def tarpit() -> Iterator[Tarpit]:
    t = Tarpit()
    t.server.start()
    yield t
    t.release.set()
    t.server.stop()


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    s.server.start()
    yield s
    s.server.stop()


def _urls(tarpit: Tarpit, site: Site) -> list[str]:
    slow = [tarpit.server.url(f"/p{i}") for i in range(SLOW_LINKS)]
    fast = [site.server.url(f"/q{i}") for i in range(FAST_LINKS)]
    return slow + fast


def test_links_past_the_runs_deadline_are_out_of_time_and_others_still_checked(
    tarpit: Tarpit, site: Site
) -> None:
    fast_ok = 0

    async def go() -> list[LinkCheck]:
        loop = asyncio.get_running_loop()
        assert isinstance(loop, SteppedLoop)

        def time_is_up_when_ready() -> None:  # on the loop's thread
            if fast_ok == FAST_LINKS and tarpit.arrived:
                loop.step(RUN_TIME + 1)

        def progress(check: LinkCheck) -> None:
            nonlocal fast_ok
            fast_ok += check.url.startswith(site.server.url("/q"))
            time_is_up_when_ready()

        tarpit.on_arrival = lambda: loop.call_soon_threadsafe(time_is_up_when_ready)
        async with LinkChecker(
            POLICY, doi_url=site.server.url(""), archive_url=None,
            probe_urls=[site.server.url("/")],
        ) as checker:  # fmt: skip
            targets = [target_for(u) for u in _urls(tarpit, site)]
            return await checker.check_all(targets, progress)

    with stepped_loops():
        checks = asyncio.run(go())
    slow, fast = checks[:SLOW_LINKS], checks[SLOW_LINKS:]
    assert all(c.outcome is LinkOutcome.OK for c in fast)
    # the one the tarpit held, cut at the deadline, and the nine never asked
    assert all(c.reason == OUT_OF_TIME and c.outcome is LinkOutcome.UNVERIFIED for c in slow)
    assert tarpit.arrived == 1  # one at a time (before the run deadline: all 10)


@contextlib.contextmanager
def time_up_once_fast_links_are_read(tarpit: Tarpit, site: Site) -> Iterator[None]:
    """Within: the loops made step past the run's time once the site's links were all
    read and let go by the client and the tarpit holds one; the fast links' checks get
    a hundred turns of the loop first to finish (none waits on the network)."""
    with stepped_loops() as loops:

        def time_is_up_when_ready() -> None:
            if site.read == FAST_LINKS and tarpit.arrived:
                loop = loops[-1]
                loop.call_soon_threadsafe(lambda: loop.create_task(settle_then_end(loop)))

        async def settle_then_end(loop: SteppedLoop) -> None:
            for _ in range(100):
                await asyncio.sleep(0)
            loop.step(RUN_TIME + 1)

        tarpit.on_arrival = site.on_read = time_is_up_when_ready
        yield


def test_the_phase_says_how_many_links_were_left(
    tarpit: Tarpit, site: Site, tmp_path: Path
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
    settings = Settings(
        doi_url=site.server.url(""), cache_dir=tmp_path, allow_private_networks=True
    )
    enricher = LinkEnricher(
        settings, policy=POLICY, probe_urls=[site.server.url("/")], dns_names=[]
    )
    with time_up_once_fast_links_are_read(tarpit, site):
        out = enricher.enrich(data)
    status = next(p for p in out.phases if p.phase is Phase.LINKS)
    assert not status.done
    assert status.reason is not None and status.reason.startswith("time ran out")
    assert f"{SLOW_LINKS} of {SLOW_LINKS + FAST_LINKS} links not checked" in status.reason


def test_the_service_gives_link_checks_a_share_of_a_chunks_limit() -> None:
    service = ServiceSettings(chunk_time_limit=480.0)
    assert LinkPolicy.from_settings(service).max_run_time == RUN_SHARE * 480.0
    assert LinkPolicy.from_settings(Settings()).max_run_time is None  # the CLI: none


def test_a_watch_recheck_gives_back_the_links_it_had_no_time_for(
    tarpit: Tarpit, site: Site, tmp_path: Path, repo: Repository
) -> None:
    """A re-check batch past its time recorded nothing (the task was killed): now what
    was checked is recorded, and what was not is due again, not recorded as checked."""
    settings = watch_settings(
        tmp_path,
        site.server.url("/"),
        link_per_host=1,
        link_timeout=REQUEST_TIMEOUT,
        watch_time_limit=RUN_TIME / RUN_SHARE,  # a re-check batch runs under the watch limit
    )
    account = account_by_name(repo, "journal")
    urls = _urls(tarpit, site)
    watch_audit(repo, account, stored_audit(repo, account, urls))
    with time_up_once_fast_links_are_read(tarpit, site):
        first, _ = recheck_now(repo, settings, probe_urls=[site.server.url("/")], deliver=False)
    assert first.links_checked == FAST_LINKS  # the fast host's; none of the tarpit's
    with repo.session() as session:
        reasons = list(session.scalars(select(LinkCheckRow.reason)))
    assert len(reasons) == len(urls) + FAST_LINKS  # the audit's checks, and the re-checked
    assert OUT_OF_TIME not in reasons  # given back, due again: not a check in the history


SNAPSHOT = json.dumps(
    {"archived_snapshots": {"closest": {"available": True, "status": "200",
     "url": "http://web.archive.example/2001/gone"}}}
).encode()  # fmt: skip


def _gone(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("404 Not Found", body=b"gone"))


def test_a_broken_link_found_in_time_stays_broken_when_the_archive_is_slow(
    site: Site,
) -> None:
    """An archive look-up ends half a second before the run's deadline: on a clock that
    stands still but for the test's step, the step lands between the two."""
    release, asked = threading.Event(), threading.Event()

    def slow_archive(sock: socket.socket, target: str) -> None:
        asked.set()
        release.wait(SAFETY_NET)  # answered only if waited for past the look-up's end
        sock.sendall(answer("200 OK", [("Content-Type", "application/json")], SNAPSHOT))

    archive = RawServer({"/gone": _gone, "/wayback": slow_archive}, host="127.0.0.5").start()
    policy = dataclasses.replace(POLICY, archive=True)
    try:

        async def go() -> LinkCheck:
            loop = asyncio.get_running_loop()
            assert isinstance(loop, SteppedLoop)
            threading.Thread(
                target=lambda: asked.wait(SAFETY_NET) and loop.step(RUN_TIME - 0.25),
                daemon=True,
            ).start()
            async with LinkChecker(
                policy,
                doi_url=site.server.url(""),
                archive_url=archive.url("/wayback"),
                probe_urls=[site.server.url("/")],
                transport=judged_by(lambda ip: False, policy),  # loopback plays the public web
            ) as checker:
                return (await checker.check_all([target_for(archive.url("/gone"))]))[0]

        with stepped_loops(frozen=True):
            check = asyncio.run(go())
    finally:
        release.set()
        archive.stop()
    assert archive.hits["/wayback"] == 1  # asked, and not waited for past the deadline
    assert check.outcome is LinkOutcome.BROKEN  # before: out-of-time, the 404 lost
    assert check.archive_url is None  # the archive's late answer was not waited for
