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
- links themselves, while anything points at them: an audit cites them, a change
  names them, or the shared cache would still serve their newest check.

A link nothing points at any more is forgotten with its history (`forget_orphan_links`,
svc27): links outlived the audits that made them, so an account that uploaded a
list of distinct URLs, let its links be checked and deleted the audit kept every URL
and its check in the store for good -- 20 MB of URLs an upload, again and again,
outside the stored-bytes quota (which counts the uploads an account holds) and past
every retention.

A DOI's watch state goes once no watched audit cites the DOI (`forget_unwatched_dois`,
lead30): sweeps stopped asking for such DOIs (svc27), but their rows -- each with the
notices known for it -- stayed for good, one per DOI any account ever watched. The
changes a DOI made are kept (they are the record); watching it again seeds the state
anew from the audit's resolutions, as a first watch does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, not_, or_, select
from sqlalchemy.orm import InstrumentedAttribute

from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.tables import AuditLink, Link, LinkCheckRow
from citeaudit.store.watch_tables import WatchChange, WatchDoiState, WatchLinkState, WatchOutbox
from citeaudit.store.watching.sql import watched_doi
from citeaudit.store.watching.times import utcnow

DONE = ("sent", "failed")
# Links a transaction forgets: a first prune after a flood frees it in steps, never
# in one transaction of millions of rows.
ORPHAN_BATCH = 5_000
# Past the cache's own age: a check made while an audit was being stored is never
# taken for an orphan's (the audit's link rows are written with its checks).
ORPHAN_GRACE = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Pruned:
    checks: int
    deliveries: int
    links: int = 0
    dois: int = 0


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
    return Pruned(
        int(getattr(checks, "rowcount", 0)),
        int(getattr(deliveries, "rowcount", 0)),
        forget_orphan_links(repo, settings, now=now),
        forget_unwatched_dois(repo, now=now),
    )


def _orphan(stale: datetime) -> ColumnElement[bool]:
    """No audit cites the link, no change names it, and it has no check since `stale`
    (so the shared cache would not serve one). A watch state alone keeps nothing: a
    link is watched only through an audit citing it (`watched_link_ids`), so the state
    of a link no audit cites is never read again and goes with it."""
    return and_(
        Link.id.not_in(select(AuditLink.link_id)),
        Link.id.not_in(select(WatchChange.link_id).where(WatchChange.link_id.is_not(None))),
        Link.id.not_in(select(LinkCheckRow.link_id).where(LinkCheckRow.checked_at >= stale)),
    )


def forget_orphan_links(
    repo: Repository, settings: ServiceSettings, *, now: datetime | None = None
) -> int:
    """Deletes links nothing points at (`_orphan`), their checks with them (ON DELETE
    CASCADE); how many. Candidates are locked first (skipping any a storing audit holds:
    adding a check locks its link's key), then deleted only if still orphans, so an
    audit citing one meanwhile keeps it."""
    stale = (now or utcnow()) - timedelta(seconds=settings.link_cache_max_age) - ORPHAN_GRACE
    return _forget(repo, Link.id, _orphan(stale))


def _unwatched_doi(now: datetime) -> ColumnElement[bool]:
    """No watched audit cites the DOI, and no sweep holds it (a leased state is being
    re-checked: its notices are written back when the check ends)."""
    return and_(
        not_(watched_doi()),
        or_(WatchDoiState.lease_until.is_(None), WatchDoiState.lease_until < now),
    )


def forget_unwatched_dois(repo: Repository, *, now: datetime | None = None) -> int:
    """Deletes the watch states of DOIs no watched audit cites, in steps of
    `ORPHAN_BATCH` as links are; how many. Rows are locked first and deleted only if
    still unwatched, so an audit watched meanwhile keeps its DOIs' states."""
    return _forget(repo, WatchDoiState.doi, _unwatched_doi(now or utcnow()))


def _forget(repo: Repository, key: InstrumentedAttribute[Any], gone: ColumnElement[bool]) -> int:
    """Deletes the rows of `key`'s table for which `gone` holds, `ORPHAN_BATCH` a
    transaction (never one of millions of rows); how many. Each batch is locked first,
    skipping rows another transaction holds, and deleted only where `gone` still holds."""
    forgotten = 0
    table = key.class_
    while True:
        with repo.session() as s, s.begin():
            keys = list(
                s.scalars(
                    select(key)
                    .where(gone)
                    .order_by(key)
                    .limit(ORPHAN_BATCH)
                    .with_for_update(skip_locked=True)
                )
            )
            if not keys:
                return forgotten
            result = s.execute(delete(table).where(key.in_(keys), gone))
            forgotten += int(getattr(result, "rowcount", 0))
        if len(keys) < ORPHAN_BATCH:
            return forgotten
