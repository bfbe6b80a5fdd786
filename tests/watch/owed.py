"""Notifications owed, written straight into the outbox: the delivery tests' setup."""

from __future__ import annotations

from datetime import timedelta

from citeaudit.store import Repository
from citeaudit.store.watch_tables import WatchAccountSettings, WatchChange, WatchOutbox
from citeaudit.store.watching.times import utcnow


def owe(repo: Repository, rows: list[tuple[int, str]], channel: str = "webhook") -> None:
    """One outbox row per (account, target), in that order, each its own change; the
    target is the account's webhook URL, or its mail address for `channel="email"`."""
    now = utcnow() - timedelta(seconds=1)
    with repo.session() as s, s.begin():
        for account, target in dict(rows).items():
            if channel == "email":
                s.add(WatchAccountSettings(account_id=account, email_to=target))
            else:
                s.add(
                    WatchAccountSettings(account_id=account, webhook_url=target, webhook_secret="s")
                )
        for i, (account, _) in enumerate(rows):
            change = WatchChange(
                key=f"{channel}{i}", kind="newly_retracted", at=now, doi="10.1/x", data={}
            )
            s.add(change)
            s.flush()
            s.add(
                WatchOutbox(
                    account_id=account,
                    change_id=change.id,
                    channel=channel,
                    status="pending",
                    attempts=0,
                    next_attempt_at=now,
                    created_at=now,
                )
            )
