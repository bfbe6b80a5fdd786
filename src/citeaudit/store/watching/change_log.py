"""Recording a change once (its key is unique) and owing its notifications."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from citeaudit.settings import ServiceSettings
from citeaudit.store.insert_if_absent import insert_ignore, insert_returning_id
from citeaudit.store.tables import AuditLink, AuditReference, ResolutionRow
from citeaudit.store.watch_tables import Watch, WatchAccountSettings, WatchChange, WatchOutbox
from citeaudit.store.watching.records import NOTIFY_KINDS, ChangeKind


def record_change(
    s: Session,
    settings: ServiceSettings,
    *,
    key: str,
    kind: ChangeKind,
    at: datetime,
    data: dict[str, Any],
    link_id: int | None = None,
    doi: str | None = None,
) -> int | None:
    """The new change's id, or None when it was already recorded (a repeated task)."""
    change_id = insert_returning_id(
        s,
        WatchChange,
        {"key": key, "kind": kind.value, "at": at, "link_id": link_id, "doi": doi, "data": data},
        ["key"],
    )
    if change_id is not None and kind in NOTIFY_KINDS:
        owe_notifications(s, settings, change_id, at, link_id=link_id, doi=doi)
    return change_id


def watching_accounts(s: Session, *, link_id: int | None, doi: str | None) -> list[int]:
    condition: ColumnElement[bool]
    if link_id is not None:
        condition = Watch.audit_id.in_(
            select(AuditLink.audit_id).where(AuditLink.link_id == link_id)
        )
    else:
        condition = or_(
            Watch.audit_id.in_(select(ResolutionRow.audit_id).where(ResolutionRow.doi == doi)),
            Watch.audit_id.in_(select(AuditReference.audit_id).where(AuditReference.doi == doi)),
        )
    return sorted(set(s.scalars(select(Watch.account_id).where(condition)).all()))


def owe_notifications(
    s: Session,
    settings: ServiceSettings,
    change_id: int,
    at: datetime,
    *,
    link_id: int | None,
    doi: str | None,
) -> None:
    """One outbox row per account and channel; the unique constraint makes it once."""
    rows: list[dict[str, Any]] = []
    for account in watching_accounts(s, link_id=link_id, doi=doi):
        prefs = s.get(WatchAccountSettings, account)
        if prefs is None:
            continue
        channels = []
        if prefs.webhook_url:
            channels.append("webhook")
        if prefs.email_to and settings.smtp_host:
            channels.append("email")
        rows.extend(
            {
                "account_id": account,
                "change_id": change_id,
                "channel": channel,
                "status": "pending",
                "attempts": 0,
                "next_attempt_at": at,
                "created_at": at,
            }
            for channel in channels
        )
    insert_ignore(s, WatchOutbox, rows, ["account_id", "change_id", "channel"])
