"""Where an account's notifications go, as stored: webhook URL and secret, e-mail.

The values are checked by the caller (`citeaudit.watch.notify_settings`); a webhook
gets its secret here the first time one is set.
"""

from __future__ import annotations

import secrets

from citeaudit.store.repository import Repository
from citeaudit.store.watch_tables import WatchAccountSettings
from citeaudit.store.watching.records import AccountNotifySettings

UNSET = object()  # "leave as it is", apart from None, which clears


def _view(row: WatchAccountSettings | None) -> AccountNotifySettings:
    if row is None:
        return AccountNotifySettings(None, None, False)
    return AccountNotifySettings(row.webhook_url, row.email_to, bool(row.webhook_secret))


def get_notify_settings(repo: Repository, account: int) -> AccountNotifySettings:
    with repo.session() as s:
        return _view(s.get(WatchAccountSettings, account))


def save_notify_settings(
    repo: Repository,
    account: int,
    *,
    webhook_url: str | object | None = UNSET,
    email_to: str | object | None = UNSET,
) -> tuple[AccountNotifySettings, str | None]:
    """Update what is given; the settings and, when a webhook was set for an account
    without a secret, the new secret (shown once)."""
    new_secret = None
    with repo.session() as s, s.begin():
        row = s.get(WatchAccountSettings, account)
        if row is None:
            row = WatchAccountSettings(account_id=account)
            s.add(row)
        if webhook_url is not UNSET:
            row.webhook_url = webhook_url if isinstance(webhook_url, str) else None
        if email_to is not UNSET:
            row.email_to = email_to if isinstance(email_to, str) else None
        if row.webhook_url and not row.webhook_secret:
            new_secret = row.webhook_secret = secrets.token_hex(32)
        s.flush()
        return _view(row), new_secret


def rotate_secret(repo: Repository, account: int) -> str:
    """A new webhook secret for the account (the old one stops working at once)."""
    secret = secrets.token_hex(32)
    with repo.session() as s, s.begin():
        row = s.get(WatchAccountSettings, account)
        if row is None:
            row = WatchAccountSettings(account_id=account)
            s.add(row)
        row.webhook_secret = secret
    return secret
