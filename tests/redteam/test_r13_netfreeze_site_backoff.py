"""A tarpit site in a watched list is asked less and less often, not once a lease.

A site that accepts connections and never answers held a links worker for a batch's
whole run each time its links were taken. Keeping the batch's lease on the links it
had no time for (`CITEAUDIT_WATCH_LEASE`, 15 minutes) made that once a lease: a
worker held ~36% of the time for as long as the watch lasted. Now a site whose links
timed out or ran out of time backs off: not asked again for 15 minutes, then 30, 60,
... up to a day, until it answers; its due links are kept in the history as
unverified ('site backing off until ...'), never broken, and the other sites of the
same list are re-checked every time they are due.

Here a list links a tarpit (127.0.0.1) and a healthy site (127.0.0.2); the store's
clock moves 16 minutes between sweeps (one more than the lease), twelve sweeps.
"""

from __future__ import annotations

import dataclasses
import itertools
import socket
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from citeaudit.model.change import ChangeKind
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.tables import Link, LinkCheckRow
from citeaudit.store.watch_tables import WatchChange
from citeaudit.store.watching.records import DueLink
from citeaudit.store.watching.site_backoff import backing_off
from citeaudit.watch import account_by_name, recheck_now, watch_audit
from citeaudit.watch.site_backoff import learn
from tests.security.redteam_net_server import RawServer, answer
from tests.service.conftest import fresh_database
from tests.watch.conftest import stored_audit, watch_settings

SWEEPS = 12
STEP = timedelta(minutes=16)
FIRST_BACKOFF = timedelta(minutes=15)
TARPIT_LINKS, HEALTHY_LINKS = 4, 3


def _never(sock: socket.socket, target: str) -> None:
    time.sleep(30.0)  # accepted, never answered


def _ok(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("200 OK", body=b"<title>ok</title>"))


@pytest.fixture
def servers() -> Iterator[tuple[RawServer, RawServer]]:
    tarpit = RawServer({"/": _never}, host="127.0.0.1").start()
    healthy = RawServer({"/": _ok}, host="127.0.0.2").start()
    try:
        yield tarpit, healthy
    finally:
        tarpit.stop()
        healthy.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    """The embedded store, and PostgreSQL (a database of its own) where it is set up."""
    urls = fresh_database() if request.param == "postgresql" else None
    url = next(urls) if urls is not None else f"sqlite:///{tmp_path / 'watch.db'}"
    engine = make_engine(url)
    upgrade(engine)
    try:
        yield Repository(engine)
    finally:
        engine.dispose()
        if urls is not None:
            urls.close()


class _Clock:
    """The watch's store clock, moved by hand (every module that reads it)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = datetime.now(UTC)
        for name, module in list(sys.modules.items()):
            ours = name.startswith(("citeaudit.watch", "citeaudit.store.watching"))
            if ours and callable(getattr(module, "utcnow", None)):
                monkeypatch.setattr(module, "utcnow", lambda: self.now)


def test_a_tarpit_site_backs_off_while_the_others_are_checked(
    servers: tuple[RawServer, RawServer],
    tmp_path: Path,
    repo: Repository,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tarpit, healthy = servers
    settings = watch_settings(
        tmp_path,
        healthy.url("/"),
        link_per_host=1,
        link_timeout=5.0,
        # The run's time limit: the tarpit holds each run it is asked in this long, and
        # within it the healthy site's links must be checked; 1 s was too short on a
        # loaded CI machine (a sweep's healthy links were not even asked in time).
        watch_time_limit=3.0,
    )
    account = account_by_name(repo, "journal")
    urls = [tarpit.url(f"/p{i}") for i in range(TARPIT_LINKS)]
    urls += [healthy.url(f"/h{i}") for i in range(HEALTHY_LINKS)]
    watch_audit(repo, account, stored_audit(repo, account, urls))
    clock = _Clock(monkeypatch)
    start = clock.now
    asked_at: list[datetime] = []
    healthy_checked: list[int] = []
    for k in range(SWEEPS):
        clock.now = start + k * STEP
        before, before_ok = tarpit.hits["/"], healthy.hits["/"]
        recheck_now(repo, settings, deliver=False, probe_urls=[healthy.url("/")])
        if tarpit.hits["/"] > before:
            asked_at.append(clock.now)
        healthy_checked.append(healthy.hits["/"] - before_ok)

    assert healthy_checked == [HEALTHY_LINKS] * SWEEPS  # every time they were due
    assert asked_at and asked_at[0] == start
    gaps = [b - a for a, b in itertools.pairwise(asked_at)]
    for n, gap in enumerate(gaps):  # at most once per backoff period, each twice as long
        assert gap >= FIRST_BACKOFF * 2**n, (n, gap, asked_at)
    assert len(asked_at) < SWEEPS // 2  # 12 before (every sweep: 16 min > the lease)

    with repo.session() as s:
        rows = s.execute(
            select(LinkCheckRow.outcome, LinkCheckRow.reason)
            .join(Link, Link.id == LinkCheckRow.link_id)
            .where(Link.url.like(f"{tarpit.url('/')}%"))
        ).all()
        kinds = set(s.scalars(select(WatchChange.kind)))
    assert ChangeKind.NEWLY_BROKEN.value not in kinds
    assert {outcome for outcome, _ in rows} <= {"ok", "unverified"}  # the audit's, then ours
    waiting = [reason for _, reason in rows if (reason or "").startswith("site backing off")]
    assert waiting, "the links that waited are not in the history"
    assert all(" until " in reason for reason in waiting)


def test_the_wait_doubles_to_a_day_and_ends_when_the_site_answers(repo: Repository) -> None:
    tarpit = DueLink(1, "http://slow.example/a")
    late = LinkCheck(url=tarpit.url, outcome=LinkOutcome.UNVERIFIED, reason="timeout")
    fine = dataclasses.replace(late, outcome=LinkOutcome.OK, reason=None, status=200)
    now = datetime.now(UTC)
    waits = []
    for _ in range(9):
        learn(repo, [(tarpit, late)], now)
        end = backing_off(repo, now)["slow.example"]
        learn(repo, [(tarpit, late)], now)  # another batch while it waits: no change
        assert backing_off(repo, now)["slow.example"] == end
        waits.append(end - now)
        now = end
    assert waits[:3] == [FIRST_BACKOFF, 2 * FIRST_BACKOFF, 4 * FIRST_BACKOFF]
    assert waits[-1] == timedelta(hours=24)  # bounded
    learn(repo, [(tarpit, fine)], now)  # it answered: asked as usual, next wait 15 min
    assert backing_off(repo, now) == {}
    learn(repo, [(tarpit, late)], now)
    assert backing_off(repo, now)["slow.example"] - now == FIRST_BACKOFF
