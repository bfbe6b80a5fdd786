"""Where an account's notifications go: a webhook URL and its secret, an e-mail address."""

from __future__ import annotations

import re
import secrets

from citeaudit.store.repository import Repository
from citeaudit.store.watch_tables import WatchAccountSettings
from citeaudit.watch.model import AccountNotifySettings
from citeaudit.watch.watches import WatchError
from citeaudit.watch.webhook import webhook_url_problem

# Dot-separated labels, each without dots: no two quantifiers can share a character
# (the former "[^@\s]+\.[^@\s]+" backtracked quadratically on a run of dots).
_EMAIL = re.compile(r"^[^@\s]+@(?:[^@\s.]+\.)+[^@\s.]+$|^[^@\s]+@localhost$")
MAX_EMAIL_LENGTH = 254
_UNSET = object()


def _view(row: WatchAccountSettings | None) -> AccountNotifySettings:
    if row is None:
        return AccountNotifySettings(None, None, False)
    return AccountNotifySettings(row.webhook_url, row.email_to, bool(row.webhook_secret))


def get_notify_settings(repo: Repository, account: int) -> AccountNotifySettings:
    with repo.session() as s:
        return _view(s.get(WatchAccountSettings, account))


def set_notify_settings(
    repo: Repository,
    account: int,
    *,
    webhook_url: str | object | None = _UNSET,
    email_to: str | object | None = _UNSET,
) -> tuple[AccountNotifySettings, str | None]:
    """Update what is given (None clears it). Returns the settings and, when a webhook
    was set for an account without a secret, the new secret (shown once)."""
    if isinstance(webhook_url, str):
        problem = webhook_url_problem(webhook_url)
        if problem is not None:
            raise WatchError(f"webhook_url: {problem}")
    if isinstance(email_to, str) and (
        len(email_to) > MAX_EMAIL_LENGTH or not _EMAIL.match(email_to)
    ):
        raise WatchError("email must be an e-mail address")
    new_secret = None
    with repo.session() as s, s.begin():
        row = s.get(WatchAccountSettings, account)
        if row is None:
            row = WatchAccountSettings(account_id=account)
            s.add(row)
        if webhook_url is not _UNSET:
            row.webhook_url = webhook_url if isinstance(webhook_url, str) else None
        if email_to is not _UNSET:
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
