"""The real schedule: Celery beat (1 s interval) and worker processes on Redis and
PostgreSQL, the loopback site and webhook receiver in this process.

Spec points 1 and 4: a page that dies makes exactly one "newly broken" change and one
signed delivery, then "recovered"; beat and the worker are restarted (the worker by
SIGKILL) while that delivery is still being retried, and afterwards it has arrived
exactly once and every watched link was checked again.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.tables import LinkCheckRow
from citeaudit.store.watch_tables import WatchOutbox
from citeaudit.store.watching.times import aware, utcnow
from citeaudit.watch import (
    ChangeKind,
    account_by_name,
    changes_for_audit,
    set_notify_settings,
    watch_audit,
)
from tests.redis_db import redis_db
from tests.service.conftest import pg_url  # noqa: F401  (a fixture)
from tests.service.processes import Proc, base_env, command, stop_all, wait_for
from tests.watch.conftest import LOOPBACK_HOOKS, stored_audit
from tests.watch.receiver import Receiver
from tests.watch.site import Site

pytestmark = [pytest.mark.services, pytest.mark.slow]


class Cluster:
    def __init__(self, tmp: Path, env: dict[str, str]) -> None:
        self.tmp, self.env = tmp, env
        self.procs: dict[str, Proc] = {}
        self.starts = 0

    def start(self, *names: str) -> None:
        """Start the named processes ("worker", "beat") at once, as a restarted
        deployment does, and wait until each says it has started."""
        started = []
        for name in names:
            self.starts += 1
            service = "beat" if name == "beat" else "worker"
            log = self.tmp / f"{name}-{self.starts}.log"
            self.procs[name] = Proc(name, command(service, self.env), self.env, log)
            started.append((self.procs[name], "Starting..." if service == "beat" else "ready."))
        for proc, marker in started:
            wait_for(
                lambda p=proc, m=marker: m in p.output() or p.popen.poll() is not None,
                60,  # liveness: the processes start together on a shared CPU
                f"{proc.name} to start",
            )
            assert proc.popen.poll() is None, proc.output()

    def stop_all(self) -> None:
        stop_all(list(self.procs.values()))  # asked at once: their shutdowns overlap


WATCH_REDIS_DB = 11  # apart from the service tests' DB 13 and the others' 15


@pytest.fixture
def redis_url() -> Iterator[str]:
    yield from redis_db(WATCH_REDIS_DB)


@pytest.fixture
def cluster(
    tmp_path: Path,
    pg_url: str,  # noqa: F811
    redis_url: str,
) -> Iterator[tuple[Cluster, Repository, Site, Receiver]]:
    site = Site(hosts=2).start()
    receiver = Receiver().start()
    env = base_env(
        tmp_path,
        CITEAUDIT_DATABASE_URL=pg_url,
        CITEAUDIT_BROKER_URL=redis_url,
        CITEAUDIT_ALLOW_PRIVATE_NETWORKS="true",
        CITEAUDIT_ALLOW_OWN_MACHINE="true",  # the site is on this machine's loopback
        CITEAUDIT_WEBHOOK_ALLOW_PRIVATE_NETWORKS="true",  # the receiver: loopback, http
        CITEAUDIT_WEBHOOK_ALLOW_OWN_MACHINE="true",
        CITEAUDIT_WEBHOOK_ALLOW_HTTP="true",
        CITEAUDIT_DOI_URL=site.url(1, "/"),
        CITEAUDIT_ARCHIVE_URL=site.url(1, "/"),
        CITEAUDIT_WATCH_INTERVAL="1",
        CITEAUDIT_WATCH_MAX_AGE="1",
        CITEAUDIT_WATCH_LEASE="5",
        CITEAUDIT_WATCH_NEWLY_BROKEN_GAP="2",
        CITEAUDIT_WATCH_DELIVER_INTERVAL="1",
        # Five seconds, doubling: the owed moment the kill waits for lasts seconds, not
        # the half-second a one-second backoff left, which a poll on a busy machine
        # could miss twice (then the third attempt delivered and no moment came).
        CITEAUDIT_WEBHOOK_BACKOFF="5",
        CITEAUDIT_LINK_TIMEOUT="5",
        CITEAUDIT_VISIBILITY_TIMEOUT="5",
        CITEAUDIT_RESTORE_INTERVAL="1",
        CITEAUDIT_WORKER_CONCURRENCY="2",
    )
    engine = make_engine(pg_url)
    upgrade(engine)
    cluster = Cluster(tmp_path, env)
    try:
        yield cluster, Repository(engine), site, receiver
    finally:
        cluster.stop_all()
        engine.dispose()
        receiver.stop()
        site.stop()


def owed_between_attempts(repo: Repository) -> bool:
    """The one notification is owed: an attempt failed and is recorded, and no deliverer
    holds the row for the next one (not due for two seconds at least: time for the kill).

    A deliverer killed between its claim and recording the attempt leaves the row to
    its claim's end (`outbox.CLAIM`, five minutes): the kill waits for this moment,
    or under load it could land in that gap and no restart would deliver in time."""
    with repo.session() as s:
        rows = list(s.scalars(select(WatchOutbox)))
    if len(rows) != 1:
        return False
    row = rows[0]
    return (
        row.status == "pending"
        and row.attempts >= 1
        and row.claimed_until is None
        and aware(row.next_attempt_at) > utcnow() + timedelta(seconds=2)
    )


def last_checks(repo: Repository) -> dict[int, datetime]:
    with repo.session() as s:
        rows = s.execute(
            select(LinkCheckRow.link_id, func.max(LinkCheckRow.checked_at)).group_by(
                LinkCheckRow.link_id
            )
        ).all()
        return {link_id: aware(at) for link_id, at in rows}


def sweeps_ran(repo: Repository, sweeps: int) -> None:
    """Wait until every watched link was re-checked `sweeps` more times from now."""

    def all_checked_since(mark: datetime) -> bool:
        return all(at > mark for at in last_checks(repo).values())

    for n in range(sweeps):
        mark = utcnow()
        wait_for(
            lambda: all_checked_since(mark),  # noqa: B023 - called before the next mark
            60,
            f"sweep {n + 1} of {sweeps} to re-check every watched link",
        )


def test_beat_and_workers_page_dies_restart_recovers(
    cluster: tuple[Cluster, Repository, Site, Receiver],
) -> None:
    procs, repo, site, receiver = cluster
    account = account_by_name(repo, "journal")
    _, secret = set_notify_settings(repo, account, webhook_url=receiver.url, policy=LOOPBACK_HOOKS)
    receiver.secret = secret or ""
    urls = [site.url(0, f"/page/{n}") for n in ("a", "b", "c")]
    audit_id = stored_audit(repo, account, urls)
    watch_audit(repo, account, audit_id, collection="Vol 2")
    started = utcnow()

    procs.start("worker", "beat")
    wait_for(
        lambda: all(at > started for at in last_checks(repo).values()),
        30,
        "every watched link re-checked by the schedule",
    )

    receiver.fail_next = 2  # the first delivery attempts fail: retried with backoff
    site.dead.add("/page/a")

    def kinds() -> list[ChangeKind]:
        return [c.kind for c in changes_for_audit(repo, account, audit_id)]

    wait_for(lambda: ChangeKind.NEWLY_BROKEN in kinds(), 30, "newly broken")
    wait_for(lambda: receiver.attempts >= 1, 10, "a first delivery attempt")
    wait_for(
        lambda: owed_between_attempts(repo),
        30,
        "a failed attempt recorded, the next not yet taken",
        interval=0.05,
    )

    # Restart both while the delivery is owed: the worker killed outright.
    procs.procs["worker"].kill()  # SIGKILL to the worker and its pool
    procs.procs["worker"].stop()
    procs.procs["beat"].stop()
    restarted = utcnow()
    time.sleep(1.5)
    procs.start("worker", "beat")

    # Liveness, not speed: two fresh processes start (imports, broker, schedule) and
    # the owed delivery waits out its backoff; a loaded 2-CPU machine took over 30 s.
    wait_for(lambda: len(receiver.deliveries) >= 1, 90, "the delivery after the restarts")
    wait_for(
        lambda: all(at > restarted for at in last_checks(repo).values()),
        90,
        "every watched link re-checked after the restarts (no due check skipped)",
    )
    # Two more whole sweeps (every link re-checked twice more), decided by the checks
    # stored, not by a pause: still nothing new, nothing delivered again.
    sweeps_ran(repo, 2)
    assert kinds() == [ChangeKind.NEWLY_BROKEN]
    assert len(receiver.deliveries) == 1, receiver.deliveries
    assert receiver.attempts == 3  # two refused, then delivered once
    assert receiver.bad_signatures == 0
    delivery = receiver.deliveries[0]
    assert delivery["event"] == "newly_broken" and delivery["link"] == urls[0]
    assert delivery["audits"][0]["collection"] == "Vol 2"

    site.dead.discard("/page/a")
    wait_for(lambda: ChangeKind.RECOVERED in kinds(), 30, "recovered")
    assert [k for k in kinds() if k is not ChangeKind.STILL_BROKEN] == [
        ChangeKind.NEWLY_BROKEN,
        ChangeKind.RECOVERED,
    ]
    sweeps_ran(repo, 1)  # a sweep after "recovered": the recovery is not delivered
    assert len(receiver.deliveries) == 1
