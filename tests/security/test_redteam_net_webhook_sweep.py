"""A webhook receiver that never answers cannot hold every account's notifications.

Each delivery has a deadline (twice the webhook timeout), but a sweep sent its rows
one after another, oldest first: an account whose receiver let every delivery run to
its deadline, with many rows owed, kept each sweep on its own rows until the task
was killed at its time limit, and the other accounts' notifications waited behind
it, sweep after sweep. Now a receiver that timed out is not asked again in the same
sweep (its rows wait their backoff), and a sweep stops claiming after its budget.
Counted: the connections each stand-in received.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from citeaudit.store import Repository
from citeaudit.store.watch_tables import WatchOutbox
from citeaudit.store.watching.times import aware, utcnow
from citeaudit.watch import account_by_name, deliver_due
from tests.security.redteam_net_server import RawServer, answer
from tests.watch.conftest import watch_settings
from tests.watch.owed import owe

TARPIT_ROWS = 6


def _silent(sock: socket.socket, target: str) -> None:
    time.sleep(3.0)  # past the delivery's deadline (2 x 0.5 s)


def _ok(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("200 OK", body=b"ok"))


@pytest.fixture(scope="module")
def receivers() -> Iterator[tuple[RawServer, RawServer]]:
    tarpit = RawServer({"/": _silent}, host="127.0.0.1").start()
    good = RawServer({"/": _ok}, host="127.0.0.2").start()
    yield tarpit, good
    tarpit.stop()
    good.stop()


def test_a_silent_receiver_is_asked_once_a_sweep_and_the_others_are_served(
    repo: Repository, receivers: tuple[RawServer, RawServer], tmp_path: Path
) -> None:
    tarpit, good = receivers
    tarpit.hits.clear()
    # A minute of backoff: the rows must be rescheduled, whatever the machine's load.
    settings = watch_settings(
        tmp_path, "http://127.0.0.1:9", webhook_timeout=0.5, webhook_backoff=60.0
    )
    slow = account_by_name(repo, "slow")
    fine = account_by_name(repo, "fine")
    # The silent receiver's rows come first (oldest).
    owe(repo, [(slow, tarpit.url("/hook"))] * TARPIT_ROWS + [(fine, good.url("/hook"))])
    stats = deliver_due(repo, settings)
    assert sum(tarpit.hits.values()) == 1  # before: every one of its rows, one by one
    assert good.hits["/"] == 1 and stats.sent == 1
    with repo.session() as s:
        rows = list(s.scalars(select(WatchOutbox).where(WatchOutbox.account_id == slow)))
    assert all(r.status == "pending" and aware(r.next_attempt_at) > utcnow() for r in rows)


def test_a_sweep_stops_claiming_when_its_time_is_spent(
    repo: Repository, receivers: tuple[RawServer, RawServer], tmp_path: Path
) -> None:
    tarpit, _ = receivers
    tarpit.hits.clear()
    # A minute of backoff: the rows must be rescheduled, whatever the machine's load.
    settings = watch_settings(
        tmp_path, "http://127.0.0.1:9", webhook_timeout=0.5, webhook_backoff=60.0
    )
    # Distinct receivers on the silent server: each is asked, until the budget ends.
    accounts = [account_by_name(repo, f"slow{i}") for i in range(TARPIT_ROWS * 2)]
    owe(repo, [(a, tarpit.url(f"/hook/{a}")) for a in accounts])
    deliver_due(repo, settings, budget=1.5)
    # 1 s a delivery: the sweep stops at the first row past 1.5 s
    assert sum(tarpit.hits.values()) <= 3  # before: all 12
