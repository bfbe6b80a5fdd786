"""A webhook receiver that answers slowly, just inside each delivery's deadline, cannot
hold every account's notifications either.

The sweep sets a receiver aside for the rest of the sweep only when a delivery to it
timed out (`tests/security/test_redteam_net_webhook_sweep.py`). A receiver that sends
its answer a few bytes at a time, each within the read timeout, the whole head just
before the delivery's deadline (twice the webhook timeout), never times out: with an
error status or a success, each of its rows took almost the whole deadline, one after
another, oldest first, and the rows of every other account waited behind them, sweep
after sweep (the sweep stops at its budget). An account makes such rows at will: one
a change, and the links it watches are its own servers'.

Now each receiver has one webhook timeout of a sweep's time: a receiver that has used
it is not asked again in that sweep, whatever it answered (its other rows wait for a
later sweep, no attempt spent). Counted: the connections each stand-in received.
The allowance itself is `watch/webhook_allowance.py`.
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
from citeaudit.watch import account_by_name, deliver_due, mail_exchangers
from tests.security.redteam_net_server import Handler, RawServer, answer
from tests.security.ssrf_loopback import delivered, running_relay
from tests.watch.conftest import watch_settings
from tests.watch.owed import owe

SLOW_ROWS = 6
TIMEOUT = 1.5  # the webhook timeout: each read waits at most this, a delivery twice it
PIECES = 4
GAP = 0.45  # between pieces of the head: each well inside a read's timeout


def _drip(status: str) -> Handler:
    """A route that sends `status`'s whole answer in `PIECES` pieces `GAP` apart: about
    1.8 s in all, past the receiver's 1.5 s share and well inside the delivery's 3 s
    deadline; no read waits 1.5 s."""

    def route(sock: socket.socket, target: str) -> None:
        data = answer(status, body=b"x")
        size = -(-len(data) // PIECES)
        for start in range(0, len(data), size):
            time.sleep(GAP)
            sock.sendall(data[start : start + size])

    return route


def _ok(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("200 OK", body=b"ok"))


@pytest.fixture(scope="module")
def receivers() -> Iterator[tuple[RawServer, RawServer]]:
    slow = RawServer({"/fail": _drip("500 Oops"), "/ok": _drip("200 OK")}, host="127.0.0.1")
    good = RawServer({"/": _ok}, host="127.0.0.2")
    slow.start()
    good.start()
    yield slow, good
    slow.stop()
    good.stop()


@pytest.mark.parametrize("path", ["/fail", "/ok"])
def test_a_receiver_answering_just_inside_its_deadline_gets_one_timeout_a_sweep(
    repo: Repository, receivers: tuple[RawServer, RawServer], tmp_path: Path, path: str
) -> None:
    slow, good = receivers
    slow.hits.clear()
    good.hits.clear()
    # A minute of backoff: a row put back must be rescheduled, whatever the load.
    settings = watch_settings(
        tmp_path, "http://127.0.0.1:9", webhook_timeout=TIMEOUT, webhook_backoff=60.0
    )
    dripping = account_by_name(repo, "dripping")
    fine = account_by_name(repo, "fine")
    # The slow receiver's rows come first (oldest); the sweep has time for about three
    # of them (1.8 s each), and for all seven rows when it asks the slow one once.
    owe(repo, [(dripping, slow.url(path))] * SLOW_ROWS + [(fine, good.url("/hook"))])
    deliver_due(repo, settings, budget=4.0)
    assert good.hits["/"] == 1  # before: 0 -- three slow rows spent the sweep
    assert sum(slow.hits.values()) == 1  # before: 3
    with repo.session() as s:
        rows = list(s.scalars(select(WatchOutbox).where(WatchOutbox.account_id == dripping)))
    # The rows not asked wait for a later sweep, no attempt spent on them.
    unasked = [r for r in rows if r.status == "pending" and r.attempts == 0]
    assert len(unasked) == SLOW_ROWS - 1
    assert all(aware(r.next_attempt_at) > utcnow() for r in unasked)


def test_a_domain_whose_name_servers_answer_just_inside_their_budget_gets_its_share(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mail twin: a recipient domain's exchangers are looked up before each mail
    (10 s at most). A domain that timed out is set aside for the sweep; one whose
    name servers answer after 1.8 s each time, inside the budget, was asked for every
    row owed to it, one after another, and the other accounts' mail waited."""
    asked: list[str] = []

    def exchangers(domain: str, timeout: float) -> list[str] | None:
        asked.append(domain)
        if domain.startswith("slow-dns"):
            time.sleep(PIECES * GAP)  # an answer, just inside any budget we allow
        return None  # no MX: the domain itself

    def addresses(host: str, port: int) -> list[str]:
        return ["127.0.0.2"]

    monkeypatch.setattr(
        mail_exchangers, "system_dns", lambda: mail_exchangers.MailDns(exchangers, addresses)
    )
    slow = account_by_name(repo, "slow-domain")
    fine = account_by_name(repo, "fine-domain")
    owe(
        repo,
        [(slow, "editor@slow-dns.example")] * SLOW_ROWS + [(fine, "editor@journal.example")],
        channel="email",
    )
    with running_relay() as (port, inbox):
        settings = watch_settings(
            tmp_path,
            "http://127.0.0.1:9",
            smtp_host="127.0.0.1",
            smtp_port=port,
            webhook_timeout=TIMEOUT,
            webhook_backoff=60.0,
        )
        deliver_due(repo, settings, budget=4.0)
        received = delivered(inbox, 2)
    assert ["editor@journal.example"] in received  # before: not reached in the sweep
    assert asked.count("slow-dns.example") == 1  # before: 3, 1.8 s each
