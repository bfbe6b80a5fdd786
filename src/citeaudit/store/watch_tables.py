"""The watch schema: watched audits, collections, re-check state, changes, the outbox.

Link checks themselves go to the existing `link_checks` history; these tables hold
what the scheduler and the diff need on top of it. Changes are global (one per link
or DOI event, made once through a unique key) and reach accounts through the audits
they watch; the outbox holds one row per (account, change, channel), unique, so
each event is delivered once.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from citeaudit.store.tables import Base
from citeaudit.store.watching.times import utcnow

_CASCADE = "CASCADE"
_TS = DateTime(timezone=True)


class WatchCollection(Base):
    __tablename__ = "watch_collections"
    __table_args__ = (UniqueConstraint("account_id", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete=_CASCADE))
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(_TS, default=utcnow)


class Watch(Base):
    __tablename__ = "watches"
    audit_id: Mapped[str] = mapped_column(
        ForeignKey("audits.id", ondelete=_CASCADE), primary_key=True
    )
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete=_CASCADE), index=True
    )
    collection_id: Mapped[int | None] = mapped_column(
        ForeignKey("watch_collections.id", ondelete="SET NULL"), nullable=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(_TS, default=utcnow)


class WatchLinkState(Base):
    """Where a watched link stands in the diff, and when it is due again."""

    __tablename__ = "watch_link_state"
    link_id: Mapped[int] = mapped_column(
        ForeignKey("links.id", ondelete=_CASCADE), primary_key=True
    )
    state: Mapped[str] = mapped_column(String(16), default="unknown")
    last_checked_at: Mapped[datetime | None] = mapped_column(_TS, nullable=True, index=True)
    streak_started_at: Mapped[datetime | None] = mapped_column(_TS, nullable=True)
    streak_check_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    broken_since: Mapped[datetime | None] = mapped_column(_TS, nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(_TS, nullable=True)


class WatchDoiState(Base):
    """The editorial notices already known for a watched DOI."""

    __tablename__ = "watch_doi_state"
    doi: Mapped[str] = mapped_column(String(512), primary_key=True)
    notices: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    last_checked_at: Mapped[datetime | None] = mapped_column(_TS, nullable=True, index=True)
    lease_until: Mapped[datetime | None] = mapped_column(_TS, nullable=True)


class WatchSiteBackoff(Base):
    """A site (`site_quota.site_of`) whose links timed out: not asked before `until`;
    `delay` (seconds) doubles each time it times out again, the row goes when it answers."""

    __tablename__ = "watch_site_backoff"
    site: Mapped[str] = mapped_column(String(255), primary_key=True)
    until: Mapped[datetime] = mapped_column(_TS)
    delay: Mapped[int] = mapped_column(Integer)


class WatchChange(Base):
    __tablename__ = "watch_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(_TS, default=utcnow, index=True)
    link_id: Mapped[int | None] = mapped_column(
        ForeignKey("links.id", ondelete=_CASCADE), nullable=True, index=True
    )
    doi: Mapped[str | None] = mapped_column(String(512), nullable=True, index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class WatchAccountSettings(Base):
    __tablename__ = "watch_account_settings"
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete=_CASCADE), primary_key=True
    )
    webhook_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    webhook_secret: Mapped[str | None] = mapped_column(String(128), nullable=True)
    email_to: Mapped[str | None] = mapped_column(String(320), nullable=True)


class WatchOutbox(Base):
    __tablename__ = "watch_outbox"
    __table_args__ = (
        UniqueConstraint("account_id", "change_id", "channel"),
        Index("ix_watch_outbox_due", "status", "next_attempt_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete=_CASCADE))
    change_id: Mapped[int] = mapped_column(ForeignKey("watch_changes.id", ondelete=_CASCADE))
    channel: Mapped[str] = mapped_column(String(16))  # "webhook" | "email"
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|sent|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(_TS, default=utcnow)
    claimed_until: Mapped[datetime | None] = mapped_column(_TS, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(_TS, nullable=True)
    created_at: Mapped[datetime] = mapped_column(_TS, default=utcnow)
