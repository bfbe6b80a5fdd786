"""A mail relay that answers a line at a time cannot hold the notification sweep.

Every webhook delivery has a deadline for its whole exchange, but mail went through
``smtplib`` with a 30 s timeout per socket read and nothing over the conversation: a
relay that sends its greeting as endless ``220-`` continuation lines (or answers
each command just inside 30 s) held the delivery sweep for as long as it liked --
past the sweep's own budget and the task's time limit, with every other account's
notifications behind it. Every mail goes through the one relay, so a relay that
timed out is not asked again in the same sweep either.

The stand-in is a real SMTP-speaking socket on loopback; the sweep runs in a thread
given a generous minute (it ends in about half a second now; before, never).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from citeaudit.settings import ServiceSettings
from citeaudit.store import Repository
from citeaudit.store.watch_tables import WatchAccountSettings, WatchChange, WatchOutbox
from citeaudit.store.watching.times import aware, utcnow
from citeaudit.watch import DeliveryStats, account_by_name, deliver_due, mail_exchangers, mailer
from tests.watch.conftest import watch_settings

ROWS = 3
GENEROUS = 60.0  # seconds the test waits for a sweep that now ends in half a second


class DrippingRelay:
    """Accepts connections and sends a greeting that never ends: ``220-`` lines, one
    every 0.2 s (each well inside any per-read timeout). Counts connections."""

    def __init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()

    def start(self) -> DrippingRelay:
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        with conn:
            while not self._stop.wait(0.2):
                try:
                    conn.sendall(b"220-relay.example still greeting\r\n")
                except OSError:
                    return

    def stop(self) -> None:
        self._stop.set()
        self._sock.close()


@pytest.fixture
def relay() -> Iterator[DrippingRelay]:
    r = DrippingRelay().start()
    try:
        yield r
    finally:
        r.stop()


def _owe_mail(repo: Repository, accounts: list[int], address: str | None = None) -> None:
    """A mail owed to each of `accounts` (one change each), to `address` or its own."""
    now = utcnow() - timedelta(seconds=1)
    with repo.session() as s, s.begin():
        for i, account in enumerate(accounts):
            if account not in accounts[:i]:
                to = address or f"editor{i}@journal.example"
                s.add(WatchAccountSettings(account_id=account, email_to=to))
            change = WatchChange(key=f"c{i}", kind="newly_retracted", at=now, doi="10.1/x", data={})
            s.add(change)
            s.flush()
            s.add(
                WatchOutbox(
                    account_id=account,
                    change_id=change.id,
                    channel="email",
                    status="pending",
                    attempts=0,
                    next_attempt_at=now,
                    created_at=now,
                )
            )


def _settings(tmp_path: Path, relay: DrippingRelay) -> ServiceSettings:
    return watch_settings(
        tmp_path,
        "http://127.0.0.1:9",
        smtp_host="127.0.0.1",
        smtp_port=relay.port,
        smtp_check_exchangers=False,  # loopback stand-in: no DNS to ask
        webhook_backoff=60.0,  # the rows must be rescheduled, whatever the load
    )


def _sweep(repo: Repository, settings: ServiceSettings, budget: float) -> DeliveryStats:
    """`deliver_due` in a thread given a generous minute; fails if still held."""
    box: dict[str, DeliveryStats] = {}
    sweep = threading.Thread(
        target=lambda: box.update(stats=deliver_due(repo, settings, budget=budget)), daemon=True
    )
    sweep.start()
    sweep.join(GENEROUS)
    assert not sweep.is_alive(), "the sweep is still held by the relay's greeting"
    return box["stats"]


def _rows(repo: Repository) -> list[WatchOutbox]:
    with repo.session() as s:
        return list(s.scalars(select(WatchOutbox).order_by(WatchOutbox.id)))


def test_a_dripping_relay_ends_its_delivery_and_is_not_asked_again_in_the_sweep(
    repo: Repository, relay: DrippingRelay, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The conversation's deadline (30 s) made short, well inside the sweep's budget.
    monkeypatch.setattr(mailer, "MAIL_DEADLINE", 0.5)
    _owe_mail(repo, [account_by_name(repo, f"journal{i}") for i in range(ROWS)])
    stats = _sweep(repo, _settings(tmp_path, relay), budget=20.0)
    assert stats.sent == 0 and stats.retried == ROWS  # each waits its backoff
    assert relay.connections == 1  # every mail goes through it: asked once a sweep
    rows = _rows(repo)
    assert all(r.status == "pending" and aware(r.next_attempt_at) > utcnow() for r in rows)
    assert rows[0].last_error is not None and "deadline" in rows[0].last_error  # said
    assert all(r.last_error and "relay" in r.last_error for r in rows[1:])


def test_a_domain_whose_name_servers_are_silent_is_asked_once_a_sweep(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each recipient's mail exchangers are looked up before the relay is given the
    mail, within 10 s; a name server that never answers left the route unknown and
    the row waited its backoff -- but every other row owed to the same domain asked
    again, 10 s each, in the same sweep: one account watching a busy audit, its
    address at a domain of its own with a silent name server, spent every sweep's
    budget (60 s: six rows) on its own rows while the other accounts' mail waited.
    Now a domain whose look-up found no answer is not asked again in the sweep."""
    asked: list[str] = []

    def silent(domain: str, timeout: float) -> list[str] | None:
        asked.append(domain)  # a silent name server: the whole budget, then no answer
        raise mail_exchangers.RouteUnknown(f"{domain}: Timeout")

    def no_addresses(host: str, port: int) -> list[str]:
        raise AssertionError("never reached: the exchangers are not known")

    monkeypatch.setattr(
        mail_exchangers, "system_dns", lambda: mail_exchangers.MailDns(silent, no_addresses)
    )
    settings = watch_settings(
        tmp_path, "http://127.0.0.1:9", smtp_host="127.0.0.1", smtp_port=9, webhook_backoff=60.0
    )
    account = account_by_name(repo, "journal")
    _owe_mail(repo, [account] * ROWS, address="editor@silent-dns.example")
    stats = _sweep(repo, settings, budget=20.0)
    assert stats.retried == ROWS  # each waits its backoff, none given up
    assert asked == ["silent-dns.example"]  # before: once a row, the budget each
    rows = _rows(repo)
    assert all(r.status == "pending" and aware(r.next_attempt_at) > utcnow() for r in rows)
