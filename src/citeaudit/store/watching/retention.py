"""Forgetting old history: link checks and finished notifications past retention.

Deleted, once older than `watch_retention_days`: link checks, and outbox rows that
are done with (sent, or failed for good). Kept whatever their age, because
something still needs them:

- each link's latest check: where the link stands now (the diff reads the check
  before a new one to learn the state an audit left);
- every check an audit points at (`audit_links.check_id`): its report's evidence;
- the first failing check of a link's current streak (`watch_link_state.
  streak_check_id`): the evidence behind "broken since DATE";
- every change: they are the record, few, and outbox rows point at them;
- pending outbox rows: notifications still owed are never dropped;
- links themselves (changes and states point at them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.tables import AuditLink, LinkCheckRow
from citeaudit.store.watch_tables import WatchLinkState, WatchOutbox
from citeaudit.store.watching.times import utcnow

DONE = ("sent", "failed")


@dataclass(frozen=True, slots=True)
class Pruned:
    checks: int
    deliveries: int


def prune(repo: Repository, settings: ServiceSettings, *, now: datetime | None = None) -> Pruned:
    cutoff = (now or utcnow()) - timedelta(days=settings.watch_retention_days)
    latest = select(func.max(LinkCheckRow.id)).group_by(LinkCheckRow.link_id)
    pinned = select(AuditLink.check_id).where(AuditLink.check_id.is_not(None))
    streaks = select(WatchLinkState.streak_check_id).where(
        WatchLinkState.streak_check_id.is_not(None)
    )
    with repo.session() as s, s.begin():
        checks = s.execute(
            delete(LinkCheckRow).where(
                LinkCheckRow.checked_at < cutoff,
                LinkCheckRow.id.not_in(latest),
                LinkCheckRow.id.not_in(pinned),
                LinkCheckRow.id.not_in(streaks),
            )
        )
        deliveries = s.execute(
            delete(WatchOutbox).where(WatchOutbox.status.in_(DONE), WatchOutbox.created_at < cutoff)
        )
        return Pruned(int(getattr(checks, "rowcount", 0)), int(getattr(deliveries, "rowcount", 0)))
