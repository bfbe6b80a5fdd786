"""Sites backing off: when each may be asked again, and the links that wait for it.

The watch decides which sites back off and for how long (`citeaudit.watch.site_backoff`);
here the backoff is kept (one row a site, gone when the site answers) and the links
that wait are written to the check history as not asked, their state untouched (a
wait is no check: they stay due), leased until their site's backoff ends.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from citeaudit.model.codec import to_data
from citeaudit.model.link import LinkCheck
from citeaudit.store.insert_if_absent import insert_ignore
from citeaudit.store.repository import Repository
from citeaudit.store.tables import LinkCheckRow
from citeaudit.store.watch_tables import WatchSiteBackoff
from citeaudit.store.watching.due import release_links
from citeaudit.store.watching.records import DueLink
from citeaudit.store.watching.times import aware


def backing_off(repo: Repository, now: datetime) -> dict[str, datetime]:
    """Each site not to be asked before a later time: that time."""
    with repo.session() as s:
        rows = s.execute(
            select(WatchSiteBackoff.site, WatchSiteBackoff.until).where(
                WatchSiteBackoff.until > now
            )
        ).all()
    return {site: aware(until) for site, until in rows}


def back_off(
    repo: Repository, sites: Iterable[str], now: datetime, first: timedelta, longest: timedelta
) -> None:
    """`sites` wait `first`, or twice their last wait (at most `longest`) when they
    waited before; a site still waiting (another batch's) keeps its wait."""
    wanted = sorted(set(sites))
    if not wanted:
        return
    with repo.session() as s, s.begin():
        known = s.scalars(
            select(WatchSiteBackoff).where(WatchSiteBackoff.site.in_(wanted)).with_for_update()
        ).all()
        for row in known:
            if aware(row.until) <= now:
                delay = min(timedelta(seconds=2 * row.delay), longest)
                row.delay, row.until = int(delay.total_seconds()), now + delay
        seen = {row.site for row in known}
        rows = [
            {"site": site, "until": now + first, "delay": int(first.total_seconds())}
            for site in wanted
            if site not in seen
        ]
        insert_ignore(s, WatchSiteBackoff, rows, ["site"])


def forgive(repo: Repository, sites: Iterable[str]) -> None:
    """`sites` answered: no wait, and the next timeout starts from the first wait."""
    wanted = sorted(set(sites))
    if wanted:
        with repo.session() as s, s.begin():
            s.execute(delete(WatchSiteBackoff).where(WatchSiteBackoff.site.in_(wanted)))


def record_waiting(
    repo: Repository, waiting: Sequence[tuple[DueLink, LinkCheck, datetime]], now: datetime
) -> None:
    """Each (link, its not-asked check, its site's backoff end): the check kept in the
    history, the link leased until that end (taken by no sweep before)."""
    with repo.session() as s, s.begin():
        s.add_all(
            LinkCheckRow(
                link_id=link.link_id,
                outcome=check.outcome.value,
                reason=check.reason,
                status=None,
                checked_at=now,
                data=to_data(dataclasses.replace(check, url=link.url, reference_ids=())),
            )
            for link, check, _ in waiting
        )
    by_end: dict[datetime, list[int]] = {}
    for link, _, until in waiting:
        by_end.setdefault(until, []).append(link.link_id)
    for until, ids in by_end.items():
        release_links(repo, ids, until)
