"""Webhooks (issue 11, point 6): malformed URLs refused when saved and isolated when
delivered; the address that was checked is the address connected to."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from citeaudit.links.safety import IPAddress
from citeaudit.store import Repository
from citeaudit.store.watch_tables import WatchAccountSettings, WatchChange, WatchOutbox
from citeaudit.store.watching.times import utcnow
from citeaudit.watch import WatchError, account_by_name, deliver_due, set_notify_settings
from citeaudit.watch.webhook import DeliveryError, post, webhook_url_problem
from tests.stand_ins.private_service import PrivateService
from tests.watch.conftest import LOOPBACK_HOOKS, watch_settings
from tests.watch.receiver import Receiver

MALFORMED = [
    "http://127.0.0.1:99999/hook",  # port out of range
    "http://[::1/hook",  # unclosed IPv6 bracket
    "http://[::1]:0/hook",
    "http://" + "a" * 64 + ".example.org/hook",  # a DNS label over 63 bytes
    "http://" + ".".join(["abcdefgh"] * 30) + "/hook",  # a name over 253 bytes
    "http://exa..mple.org/hook",  # an empty label
    "ftp://example.org/hook",
    "javascript:alert(1)",
    "http:///hook",
    "http://exa mple.org/hook",
    "http://example.org/ho\nok",
    "http://user:pw@example.org/hook",
    "http://[fe80::1%25eth0]:99999/",
]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver().start()
    try:
        yield r
    finally:
        r.stop()


@pytest.mark.parametrize("url", MALFORMED)
def test_malformed_webhook_urls_are_refused_when_saved(repo: Repository, url: str) -> None:
    assert webhook_url_problem(url) is not None
    account = account_by_name(repo, "journal")
    with pytest.raises(WatchError):
        set_notify_settings(repo, account, webhook_url=url)
    with repo.session() as s:
        row = s.get(WatchAccountSettings, account)
        assert row is None or row.webhook_url is None


@pytest.mark.parametrize(
    "url",
    ["https://hooks.example.org/x?y=1", "http://127.0.0.1:8080/hook", "http://[::1]:8443/h"],
)
def test_wellformed_webhook_urls_are_saved(repo: Repository, url: str) -> None:
    # private and plain-http ones only where the operator allows them (test_webhook_policy)
    account = account_by_name(repo, "journal")
    view, secret = set_notify_settings(repo, account, webhook_url=url, policy=LOOPBACK_HOOKS)
    assert view.webhook_url == url and secret


def test_one_accounts_malformed_url_does_not_stop_the_sweep(
    repo: Repository, receiver: Receiver, tmp_path: Path
) -> None:
    """Rows saved before the URL check existed: each fails alone, the good one is sent."""
    settings = watch_settings(tmp_path, "http://127.0.0.1:9")
    now = utcnow() - timedelta(seconds=1)
    good = account_by_name(repo, "good")
    _, secret = set_notify_settings(repo, good, webhook_url=receiver.url, policy=LOOPBACK_HOOKS)
    receiver.secret = secret or ""
    bad = [account_by_name(repo, f"bad{i}") for i in range(len(MALFORMED))]
    with repo.session() as s, s.begin():
        change = WatchChange(key="c1", kind="newly_retracted", at=now, doi="10.1/x", data={})
        s.add(change)
        for account, url in zip(bad, MALFORMED, strict=True):
            s.add(WatchAccountSettings(account_id=account, webhook_url=url, webhook_secret="s"))
        s.flush()
        # The bad accounts come first: the sweep must get past all of them.
        for account in [*bad, good]:
            s.add(
                WatchOutbox(
                    account_id=account,
                    change_id=change.id,
                    channel="webhook",
                    status="pending",
                    attempts=0,
                    next_attempt_at=now,
                    created_at=now,
                )
            )
    stats = deliver_due(repo, settings)
    assert (stats.sent, stats.failed) == (1, len(MALFORMED))
    assert len(receiver.deliveries) == 1
    with repo.session() as s:
        rows = {r.account_id: r for r in s.scalars(select(WatchOutbox))}
    assert rows[good].status == "sent"
    for account in bad:
        assert rows[account].status == "failed"
        assert "invalid webhook URL" in (rows[account].last_error or "")


class RebindingDns:
    """A name server whose answer changes after the first question (DNS rebinding)."""

    def __init__(self, first: str, then: str) -> None:
        self.first, self.then = first, then
        self.questions = 0

    def __call__(self, host: str, port: int) -> list[str]:
        self.questions += 1
        return [self.first if self.questions == 1 else self.then]


@pytest.fixture
def pair() -> Iterator[tuple[PrivateService, PrivateService]]:
    """Two listeners on one port: 127.0.0.2 plays a public receiver, 127.0.0.3 a
    private service."""
    public = PrivateService("127.0.0.2").start()
    private = PrivateService("127.0.0.3", public.port).start()
    try:
        yield public, private
    finally:
        public.stop()
        private.stop()


def only_127_0_0_2_is_public(ip: IPAddress) -> bool:
    return ip != ipaddress.ip_address("127.0.0.2")


def test_delivery_connects_to_the_address_that_was_checked(
    pair: tuple[PrivateService, PrivateService],
) -> None:
    public, private = pair
    dns = RebindingDns("127.0.0.2", "127.0.0.3")
    post(
        f"http://hooks.rebind.test:{public.port}/hook",
        {"event_id": "e1"},
        "secret",
        event="e1",
        delivery="1",
        timeout=5.0,
        allow_private=False,
        lookup=dns,
        forbidden=only_127_0_0_2_is_public,
    )
    assert dns.questions == 1  # resolved once: no second answer to be rebound to
    assert public.requests == ["POST /hook"]
    assert private.contacts == 0


def test_delivery_to_a_name_of_a_private_address_is_refused(
    pair: tuple[PrivateService, PrivateService],
) -> None:
    public, private = pair
    dns = RebindingDns("127.0.0.3", "127.0.0.2")
    with pytest.raises(DeliveryError) as caught:
        post(
            f"http://hooks.rebind.test:{private.port}/hook",
            {"event_id": "e1"},
            "secret",
            event="e1",
            delivery="1",
            timeout=5.0,
            allow_private=False,
            lookup=dns,
            forbidden=only_127_0_0_2_is_public,
        )
    assert caught.value.permanent and "private address" in str(caught.value)
    assert private.contacts == 0 and public.contacts == 0


def test_delivery_to_loopback_is_refused_when_private_networks_are_not_allowed() -> None:
    private = PrivateService("127.0.0.1").start()
    try:
        for url in (private.url("/hook"), f"http://localhost:{private.port}/hook"):
            with pytest.raises(DeliveryError):
                post(url, {}, "s", event="e", delivery="1", timeout=5.0, allow_private=False)
        assert private.contacts == 0
    finally:
        private.stop()
