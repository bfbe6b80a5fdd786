"""Forgetting old history: link checks and delivered notifications past retention.

A link's latest check, and every check an audit's report points at, are kept
whatever their age; changes are kept (they are few, and they are the record).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

from citeaudit.service.config import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.tables import AuditLink, LinkCheckRow
from citeaudit.store.watch_tables import WatchOutbox
from citeaudit.watch.times import utcnow


@dataclass(frozen=True, slots=True)
class Pruned:
    checks: int
    deliveries: int


def prune(repo: Repository, settings: ServiceSettings, *, now: datetime | None = None) -> Pruned:
    cutoff = (now or utcnow()) - timedelta(days=settings.watch_retention_days)
    latest = select(func.max(LinkCheckRow.id)).group_by(LinkCheckRow.link_id)
    pinned = select(AuditLink.check_id).where(AuditLink.check_id.is_not(None))
    with repo.session() as s, s.begin():
        checks = s.execute(
            delete(LinkCheckRow).where(
                LinkCheckRow.checked_at < cutoff,
                LinkCheckRow.id.not_in(latest),
                LinkCheckRow.id.not_in(pinned),
            )
        )
        deliveries = s.execute(
            delete(WatchOutbox).where(
                WatchOutbox.status.in_(("sent", "failed")), WatchOutbox.created_at < cutoff
            )
        )
        return Pruned(int(getattr(checks, "rowcount", 0)), int(getattr(deliveries, "rowcount", 0)))
