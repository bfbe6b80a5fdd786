"""How often watched links were asked lately: what the watch's per-site quota counts.

Read from the check history itself (every check of a watched link is a row, whoever
made it: the audit or a sweep), so the count holds across sweeps, workers and
restarts with no counter of its own to keep.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from citeaudit.store.repository import Repository
from citeaudit.store.tables import Link, LinkCheckRow
from citeaudit.store.watch_tables import WatchLinkState
from citeaudit.store.watching.records import WAITING


def recent_requests(repo: Repository, since: datetime, now: datetime) -> list[tuple[str, int]]:
    """(URL, checks) for each watched link checked since `since`, and (URL, 1) for
    each watched link leased now: handed to a task whose checks are not recorded yet."""
    with repo.session() as s:
        # Only links whose last check is in the period can have checks in it: the
        # state table (one row a watched link) picks them, their history's index on
        # link_id counts them, and a year of history is never scanned whole.
        checked = s.execute(
            select(Link.url, func.count(LinkCheckRow.id))
            .join(WatchLinkState, WatchLinkState.link_id == Link.id)
            .join(LinkCheckRow, LinkCheckRow.link_id == Link.id)
            .where(
                WatchLinkState.last_checked_at >= since,
                LinkCheckRow.checked_at >= since,
                # a wait for a backing-off site (`WAITING`) made no request
                func.coalesce(LinkCheckRow.reason, "").not_like(f"{WAITING}%"),
            )
            .group_by(Link.id, Link.url)
        ).all()
        leased = s.scalars(
            select(Link.url)
            .join(WatchLinkState, WatchLinkState.link_id == Link.id)
            .where(WatchLinkState.lease_until > now)
        ).all()
    return [(url, int(n)) for url, n in checked] + [(url, 1) for url in leased]
