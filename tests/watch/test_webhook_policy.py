"""Webhook destinations follow their own operator rule, not the link checks'.

An intranet journal's operator allows private networks for link checks
(CITEAUDIT_ALLOW_PRIVATE_NETWORKS); that must not let any account holder post
webhooks into that network, and plain http:// (audit data in clear) is refused
unless the operator allows it. The rule holds when a URL is saved through the API
and again at delivery, for URLs stored before the operator changed it.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings
from citeaudit.store import Repository
from citeaudit.store.watch_tables import WatchChange, WatchOutbox
from citeaudit.store.watching.times import utcnow
from citeaudit.watch import WatchError, account_by_name, deliver_due, set_notify_settings
from citeaudit.watch.webhook_policy import WebhookPolicy
from tests.watch.conftest import watch_settings
from tests.watch.receiver import Receiver

OPEN = WebhookPolicy(allow_private=True, allow_http=True, allow_own_machine=True)


def _intranet(tmp: Path, **webhook: Any) -> ServiceSettings:
    """The operator of an intranet journal: link checks may reach private networks;
    the webhook settings are the defaults unless given."""
    values: dict[str, Any] = {
        "allow_private_networks": True,
        "webhook_allow_private_networks": False,
        "webhook_allow_http": False,
    }
    values.update(webhook)
    return watch_settings(tmp, "http://127.0.0.1:9", **values)


def _owed(repo: Repository, account: int) -> None:
    """One notification owed to `account` now."""
    now = utcnow() - timedelta(seconds=1)
    with repo.session() as s, s.begin():
        change = WatchChange(key="c1", kind="newly_retracted", at=now, doi="10.1/x", data={})
        s.add(change)
        s.flush()
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


def _deliver(repo: Repository, settings: ServiceSettings, receiver: Receiver) -> str:
    """Deliver what is owed; the row's error (empty when sent)."""
    account = account_by_name(repo, "journal")
    _, secret = set_notify_settings(repo, account, webhook_url=receiver.url, policy=OPEN)
    receiver.secret = secret or ""
    _owed(repo, account)
    deliver_due(repo, settings)
    with repo.session() as s:
        (row,) = s.scalars(select(WatchOutbox))
        return "" if row.status == "sent" else f"{row.status}: {row.last_error}"


def test_the_defaults_refuse_private_and_plain_http() -> None:
    settings = ServiceSettings()
    assert not settings.webhook_allow_private_networks and not settings.webhook_allow_http
    policy = WebhookPolicy.from_settings(settings)
    assert policy.refusal("https://hooks.example.org/x") is None
    assert "http://" in (policy.refusal("http://hooks.example.org/x") or "")
    for url in ("https://127.0.0.1/x", "https://10.0.0.5/x", "https://[::1]/x", "https://127.1/x"):
        assert "private address" in (policy.refusal(url) or ""), url


def test_private_networks_for_links_do_not_open_them_to_webhooks(
    repo: Repository, receiver: Receiver, tmp_path: Path
) -> None:
    error = _deliver(repo, _intranet(tmp_path, webhook_allow_http=True), receiver)
    assert error.startswith("failed: ") and "private address" in error
    assert receiver.attempts == 0


def test_plain_http_is_refused_at_delivery_unless_allowed(
    repo: Repository, receiver: Receiver, tmp_path: Path
) -> None:
    settings = _intranet(
        tmp_path, webhook_allow_private_networks=True, webhook_allow_own_machine=True
    )
    error = _deliver(repo, settings, receiver)
    assert error.startswith("failed: ") and "http://" in error
    assert receiver.attempts == 0


def test_both_allowed_explicitly_delivers(
    repo: Repository, receiver: Receiver, tmp_path: Path
) -> None:
    settings = _intranet(
        tmp_path,
        webhook_allow_private_networks=True,
        webhook_allow_own_machine=True,  # the receiver is on this machine's loopback
        webhook_allow_http=True,
    )
    assert _deliver(repo, settings, receiver) == ""
    assert len(receiver.deliveries) == 1


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8080/hook", "https://192.168.1.10/hook", "http://hooks.example.org/x"]
)
def test_saving_is_judged_by_the_policy(repo: Repository, url: str) -> None:
    account = account_by_name(repo, "journal")
    with pytest.raises(WatchError):
        set_notify_settings(repo, account, webhook_url=url)
    with pytest.raises(WatchError):
        set_notify_settings(repo, account, webhook_url=url, policy=WebhookPolicy())
    view, _ = set_notify_settings(repo, account, webhook_url=url, policy=OPEN)
    assert view.webhook_url == url


def test_the_api_refuses_what_the_operator_does_not_allow(tmp_path: Path) -> None:
    with TestClient(create_app(_intranet(tmp_path))) as client:
        repo: Repository = client.app.state.repo  # type: ignore[attr-defined]
        auth = {"Authorization": f"Bearer {repo.create_token('a')}"}
        for url in ("http://127.0.0.1:9/x", "https://10.1.2.3/x", "http://hooks.example.org/x"):
            r = client.put("/api/v1/watch/settings", headers=auth, json={"webhook_url": url})
            assert r.status_code == 422, url
        ok = {"webhook_url": "https://hooks.example.org/x"}
        assert client.put("/api/v1/watch/settings", headers=auth, json=ok).status_code == 200
