"""Delivering the outbox: each owed notification claimed, sent, marked -- once.

A row is claimed by a conditional update (pending, due, not claimed by a live
claim), so two deliverers never send the same row; it is marked sent in its own
transaction right after the send. A failure is retried with exponential backoff
(`webhook_backoff`, doubling) up to `webhook_max_attempts`, then marked failed with
the reason. A deliverer killed between sending and marking leaves the claim to run
out, and the row is sent again: receivers can drop that repeat by its
X-Citeaudit-Delivery id.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, update

from citeaudit.links.pinned import SyncLookup, system_lookup
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.tables import Account
from citeaudit.store.watch_tables import WatchAccountSettings, WatchChange, WatchOutbox
from citeaudit.watch.mailer import send_mail
from citeaudit.watch.model import DeliveryStats
from citeaudit.watch.payload import build_payload, mail_text
from citeaudit.watch.times import utcnow
from citeaudit.watch.webhook import DeliveryError, post

CLAIM = timedelta(minutes=5)
log = logging.getLogger(__name__)


def _claim(repo: Repository, now: datetime, limit: int) -> list[int]:
    with repo.session() as s:
        candidates = list(
            s.scalars(
                select(WatchOutbox.id)
                .where(WatchOutbox.status == "pending", WatchOutbox.next_attempt_at <= now)
                .order_by(WatchOutbox.id)
                .limit(limit)
            )
        )
    claimed = []
    for row_id in candidates:
        with repo.session() as s, s.begin():
            result = s.execute(
                update(WatchOutbox)
                .where(
                    and_(
                        WatchOutbox.id == row_id,
                        WatchOutbox.status == "pending",
                        or_(WatchOutbox.claimed_until.is_(None), WatchOutbox.claimed_until < now),
                    )
                )
                .values(claimed_until=now + CLAIM)
            )
            if getattr(result, "rowcount", 0):
                claimed.append(row_id)
    return claimed


def deliver_due(
    repo: Repository,
    settings: ServiceSettings,
    *,
    limit: int = 200,
    lookup: SyncLookup = system_lookup,
) -> DeliveryStats:
    """Send what is owed now; returns how many were sent, put back, given up.

    Each delivery stands alone: whatever one row's URL, address or receiver does
    (even an error nobody foresaw), it is recorded on that row and the sweep goes on
    to the next account's. `lookup` resolves webhook hosts (tests stand in for DNS).
    """
    sent = retried = failed = 0
    for row_id in _claim(repo, utcnow(), limit):
        try:
            _send(repo, settings, row_id, lookup)
        except Exception as exc:  # one account's failure is never the others'
            error = exc if isinstance(exc, DeliveryError) else _unforeseen(row_id, exc)
            if _failed(repo, settings, row_id, str(error), permanent=error.permanent):
                failed += 1
            else:
                retried += 1
            continue
        _mark_sent(repo, row_id)
        sent += 1
    return DeliveryStats(sent, retried, failed)


def _unforeseen(row_id: int, exc: Exception) -> DeliveryError:
    """An error no delivery path names: logged with its traceback, retried as usual."""
    log.exception("delivery %s failed unexpectedly", row_id)
    return DeliveryError(f"internal error: {type(exc).__name__}")


def _send(repo: Repository, settings: ServiceSettings, row_id: int, lookup: SyncLookup) -> None:
    with repo.session() as s:
        row = s.get(WatchOutbox, row_id)
        assert row is not None
        change = s.get(WatchChange, row.change_id)
        prefs = s.get(WatchAccountSettings, row.account_id)
        account = s.get(Account, row.account_id)
        if change is None or prefs is None or account is None:
            raise DeliveryError("the change or the account's settings are gone", permanent=True)
        payload: dict[str, Any] = build_payload(s, change, row.account_id, account.name)
        payload["delivery_id"] = str(row.id)
        channel, url, secret, email = (
            row.channel,
            prefs.webhook_url,
            prefs.webhook_secret,
            (prefs.email_to),
        )
    event = payload["event_id"]
    if channel == "webhook":
        if not url or not secret:
            raise DeliveryError("no webhook URL or secret set", permanent=True)
        post(
            url,
            payload,
            secret,
            event=event,
            delivery=str(row_id),
            timeout=settings.webhook_timeout,
            allow_private=settings.allow_private_networks,
            lookup=lookup,
        )
    else:
        if not email:
            raise DeliveryError("no e-mail address set", permanent=True)
        subject, text = mail_text(payload)
        send_mail(settings, email, subject, text, event)


def _mark_sent(repo: Repository, row_id: int) -> None:
    with repo.session() as s, s.begin():
        s.execute(
            update(WatchOutbox)
            .where(WatchOutbox.id == row_id)
            .values(status="sent", sent_at=utcnow(), claimed_until=None, last_error=None)
        )


def _failed(
    repo: Repository, settings: ServiceSettings, row_id: int, error: str, *, permanent: bool
) -> bool:
    """Record the failure; True when the row is given up."""
    with repo.session() as s, s.begin():
        row = s.get(WatchOutbox, row_id, with_for_update=True)
        assert row is not None
        row.attempts += 1
        row.last_error = error[:1000]
        row.claimed_until = None
        if permanent or row.attempts >= settings.webhook_max_attempts:
            row.status = "failed"
            return True
        delay = settings.webhook_backoff * 2 ** (row.attempts - 1)
        row.next_attempt_at = utcnow() + timedelta(seconds=delay)
        return False
