"""The notifications owed: claimed by one deliverer at a time, marked sent or failed.

A row is claimed by a conditional update (pending, due, not claimed by a live claim),
so two deliverers never send the same row; it is marked sent in its own transaction
right after the send. How often and how late a failure is tried again is the
caller's decision (`backoff`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from citeaudit.store.repository import Repository
from citeaudit.store.tables import Account, AuditLink, AuditReference, ResolutionRow
from citeaudit.store.watch_tables import (
    Watch,
    WatchAccountSettings,
    WatchChange,
    WatchCollection,
    WatchOutbox,
)
from citeaudit.store.watching.records import Delivery, StoredChange
from citeaudit.store.watching.times import aware, utcnow

CLAIM = timedelta(minutes=5)


def claim(repo: Repository, now: datetime, limit: int) -> list[int]:
    """Up to `limit` rows due now, each claimed for `CLAIM` by this deliverer.

    Candidates are rows no live claim holds: picked by due time alone, a head of rows
    another deliverer holds (its batch in flight, or a killed deliverer's for five
    minutes) filled the window, nothing was claimed, and the sweep ended as if nothing
    were owed."""
    with repo.session() as s:
        candidates = list(
            s.scalars(
                select(WatchOutbox.id)
                .where(
                    WatchOutbox.status == "pending",
                    WatchOutbox.next_attempt_at <= now,
                    or_(WatchOutbox.claimed_until.is_(None), WatchOutbox.claimed_until < now),
                )
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


def delivery(repo: Repository, row_id: int) -> Delivery | None:
    """The claimed row with all it says; None when its change or account is gone."""
    with repo.session() as s:
        row = s.get(WatchOutbox, row_id)
        assert row is not None
        change = s.get(WatchChange, row.change_id)
        prefs = s.get(WatchAccountSettings, row.account_id)
        account = s.get(Account, row.account_id)
        if change is None or prefs is None or account is None:
            return None
        audits, start = _audits(s, change, row.account_id)
        return Delivery(
            row_id=row.id,
            channel=row.channel,
            change=StoredChange(
                change.id,
                change.kind,
                aware(change.at),
                change.link_id,
                change.doi,
                _seen_from(dict(change.data or {}), start),
            ),
            account_name=account.name,
            audits=tuple(audits),
            webhook_url=prefs.webhook_url,
            webhook_secret=prefs.webhook_secret,
            email_to=prefs.email_to,
        )


def _seen_from(data: dict[str, Any], start: datetime | None) -> dict[str, Any]:
    """The change's data as the account may see it: "failing since" (the start of a
    streak of failures, which another account's watch may have begun) no earlier
    than the account's first watch of an audit it concerns (`start`; None: it watches
    none of them any more, and is told no date)."""
    since = data.get("since")
    if since is None:
        return data
    try:
        when = aware(datetime.fromisoformat(since)) if isinstance(since, str) else None
    except ValueError:
        when = None
    shown = max(when, start).isoformat() if when is not None and start is not None else None
    return {**data, "since": shown}


def _audits(
    s: Session, change: WatchChange, account: int
) -> tuple[list[dict[str, Any]], datetime | None]:
    """The account's watched audits the change concerns, with their references; and
    when the account began to watch the first of them."""
    refs: dict[str, list[str]] = {}
    if change.link_id is not None:
        for audit_id, ids in s.execute(
            select(AuditLink.audit_id, AuditLink.reference_ids).where(
                AuditLink.link_id == change.link_id
            )
        ).all():
            refs.setdefault(audit_id, []).extend(ids or [])
    elif change.doi is not None:
        for model in (ResolutionRow, AuditReference):
            for audit_id, ref_id in s.execute(
                select(model.audit_id, model.reference_id).where(model.doi == change.doi)
            ).all():
                if ref_id not in refs.setdefault(audit_id, []):
                    refs[audit_id].append(ref_id)
    out = []
    start: datetime | None = None
    for audit_id, collection, watched in s.execute(
        select(Watch.audit_id, WatchCollection.name, Watch.created_at)
        .outerjoin(WatchCollection, WatchCollection.id == Watch.collection_id)
        .where(Watch.account_id == account, Watch.audit_id.in_(list(refs)))
        .order_by(Watch.audit_id)
    ).all():
        start = aware(watched) if start is None else min(start, aware(watched))
        out.append(
            {
                "audit_id": audit_id,
                "collection": collection,
                "reference_ids": sorted(set(refs[audit_id])),
                "url": f"/api/v1/audits/{audit_id}/changes",
            }
        )
    return out, start


def mark_sent(repo: Repository, row_id: int) -> None:
    with repo.session() as s, s.begin():
        s.execute(
            update(WatchOutbox)
            .where(WatchOutbox.id == row_id)
            .values(status="sent", sent_at=utcnow(), claimed_until=None, last_error=None)
        )


def mark_failed(
    repo: Repository,
    row_id: int,
    error: str,
    backoff: Callable[[int], timedelta | None],
) -> bool:
    """Record the failure; True when the row is given up. `backoff(attempts)` is how
    long until the next try after that many, None to give up."""
    with repo.session() as s, s.begin():
        row = s.get(WatchOutbox, row_id, with_for_update=True)
        assert row is not None
        row.attempts += 1
        row.last_error = error[:1000]
        row.claimed_until = None
        delay = backoff(row.attempts)
        if delay is None:
            row.status = "failed"
            return True
        row.next_attempt_at = utcnow() + delay
        return False


def defer(repo: Repository, row_id: int, reason: str, wait: timedelta) -> None:
    """Put a claimed row back unsent, due again after `wait`, with no attempt counted:
    not a failure of the row (its receiver had used its share of the sweep). Not
    left claimed either: the next claim's window would find it and stop there."""
    with repo.session() as s, s.begin():
        s.execute(
            update(WatchOutbox)
            .where(WatchOutbox.id == row_id)
            .values(claimed_until=None, next_attempt_at=utcnow() + wait, last_error=reason[:1000])
        )
