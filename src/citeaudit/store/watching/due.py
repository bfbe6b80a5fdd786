"""Which watched links and DOIs are due, leased so that nobody else takes them.

A watched link or DOI gets a state row the first time a sweep sees it, dated by its
last check (the audit's own); it is due once that is older than `watch_max_age`.
Only what a watched audit still cites is taken: a state row outlives the watch (and the
audit), and DOIs were taken by their state alone, so every DOI an audit had ever been
watched with was asked of the registries again every sweep, for good -- an account
watching and unwatching audits of new DOIs grew every sweep's registry requests
without end (svc27).
Every URL and DOI of a watched audit's references is watched, checked at audit time
or not (links off, our network or a registry down): one never checked -- no check at
all, or only checks made while our network was down -- is due at once.
Taking due items leases them for `watch_lease` seconds: a lost task only delays
them until the lease runs out, and the next sweep takes them again.

How the due links are cut into tasks is the watch's (`citeaudit.watch.due`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from citeaudit.settings import ServiceSettings
from citeaudit.store.insert_if_absent import insert_ignore
from citeaudit.store.repository import Repository
from citeaudit.store.tables import AuditLink, AuditReference, Link, LinkCheckRow, ResolutionRow
from citeaudit.store.watch_tables import Watch, WatchDoiState, WatchLinkState
from citeaudit.store.watching.records import DueLink
from citeaudit.store.watching.sql import watched_doi, watched_link_ids

SWEEP_LIMIT = 200_000
NETWORK_DOWN = "network-down"  # a "check" made while our own network was down: none
_State = type[WatchLinkState] | type[WatchDoiState]


def seed(repo: Repository) -> None:
    """State rows for watched links and DOIs that have none yet."""
    with repo.session() as s, s.begin():
        latest = (
            select(LinkCheckRow.link_id, func.max(LinkCheckRow.checked_at).label("at"))
            .where(func.coalesce(LinkCheckRow.reason, "") != NETWORK_DOWN)
            .group_by(LinkCheckRow.link_id)
            .subquery()
        )
        rows = s.execute(
            select(Link.id, latest.c.at)
            .outerjoin(latest, latest.c.link_id == Link.id)
            .where(
                Link.id.in_(watched_link_ids()),
                Link.id.not_in(select(WatchLinkState.link_id)),
            )
        ).all()
        insert_ignore(
            s,
            WatchLinkState,
            [{"link_id": i, "state": "unknown", "last_checked_at": at} for i, at in rows],
            ["link_id"],
        )
        _seed_dois(s)


def _seed_dois(s: Session) -> None:
    known = select(WatchDoiState.doi)
    watched = select(Watch.audit_id)
    notices: dict[str, list[dict[str, object]]] = defaultdict(list)
    for doi, data in s.execute(
        select(ResolutionRow.doi, ResolutionRow.data).where(
            ResolutionRow.audit_id.in_(watched),
            ResolutionRow.doi.is_not(None),
            func.lower(ResolutionRow.doi).not_in(known),
        )
    ).all():
        record = (data or {}).get("record") or {}
        entry = notices[(doi or "").lower()]
        for notice in record.get("notices") or ():
            if notice not in entry:
                entry.append(notice)
    for (doi,) in s.execute(
        select(AuditReference.doi).where(
            AuditReference.audit_id.in_(watched),
            AuditReference.doi.is_not(None),
            func.lower(AuditReference.doi).not_in(known),
        )
    ).all():
        notices.setdefault((doi or "").lower(), [])
    insert_ignore(
        s,
        WatchDoiState,
        [{"doi": d, "notices": n, "last_checked_at": None} for d, n in notices.items()],
        ["doi"],
    )


def take_due_links(
    repo: Repository, settings: ServiceSettings, now: datetime, limit: int = SWEEP_LIMIT
) -> list[DueLink]:
    """Due watched links, leased to the caller; oldest check first."""
    with repo.session() as s, s.begin():
        rows = s.execute(
            select(WatchLinkState.link_id, Link.url)
            .join(Link, Link.id == WatchLinkState.link_id)
            .where(
                _due(WatchLinkState, settings, now),
                _unleased(WatchLinkState, now),
                WatchLinkState.link_id.in_(watched_link_ids()),
            )
            .order_by(WatchLinkState.last_checked_at.asc().nulls_first(), WatchLinkState.link_id)
            .limit(limit)
            .with_for_update(skip_locked=True, of=WatchLinkState)
        ).all()
        _lease(
            s,
            WatchLinkState.link_id,
            [r[0] for r in rows],
            now + timedelta(seconds=settings.watch_lease),
        )
        return [DueLink(i, u) for i, u in rows]


def link_accounts(repo: Repository, link_ids: Sequence[int]) -> dict[int, int]:
    """Each link's watching account: the lowest id among the accounts whose watched
    audits cite it (a link is shared). The watch sends its re-check batches in turns
    by account with it (`citeaudit.watch.due.host_batches`, wk31)."""
    owners: dict[int, int] = {}
    ids = list(dict.fromkeys(link_ids))
    with repo.session() as s:
        for start in range(0, len(ids), _OWNER_PART):
            rows = s.execute(
                select(AuditLink.link_id, func.min(Watch.account_id))
                .join(Watch, Watch.audit_id == AuditLink.audit_id)
                .where(AuditLink.link_id.in_(ids[start : start + _OWNER_PART]))
                .group_by(AuditLink.link_id)
            ).all()
            owners.update({int(link): int(account) for link, account in rows})
    return owners


_OWNER_PART = 900  # link ids per statement (within SQLite's bound parameters)


def take_due_dois(
    repo: Repository, settings: ServiceSettings, now: datetime, limit: int = SWEEP_LIMIT
) -> list[str]:
    with repo.session() as s, s.begin():
        dois = list(
            s.scalars(
                select(WatchDoiState.doi)
                .where(
                    _due(WatchDoiState, settings, now),
                    _unleased(WatchDoiState, now),
                    watched_doi(),
                )
                .order_by(WatchDoiState.last_checked_at.asc().nulls_first(), WatchDoiState.doi)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
        )
        _lease(s, WatchDoiState.doi, dois, now + timedelta(seconds=settings.watch_lease))
        return dois


def still_due_links(
    repo: Repository, settings: ServiceSettings, link_ids: Sequence[int], now: datetime
) -> list[DueLink]:
    """Of a batch's links, those not checked since they became due (a repeated task)."""
    out: list[DueLink] = []
    with repo.session() as s:
        for start in range(0, len(link_ids), 1000):
            part = list(link_ids[start : start + 1000])
            out.extend(
                DueLink(i, u)
                for i, u in s.execute(
                    select(Link.id, Link.url)
                    .join(WatchLinkState, WatchLinkState.link_id == Link.id)
                    .where(Link.id.in_(part), _due(WatchLinkState, settings, now))
                ).all()
            )
    return out


def still_due_dois(
    repo: Repository, settings: ServiceSettings, dois: Sequence[str], now: datetime
) -> list[str]:
    with repo.session() as s:
        query = select(WatchDoiState.doi).where(
            WatchDoiState.doi.in_(list(dois)), _due(WatchDoiState, settings, now), watched_doi()
        )
        return list(s.scalars(query))


def release_links(repo: Repository, link_ids: Sequence[int], until: datetime | None = None) -> None:
    """Give leased links back unchecked: due at the next sweep (our network was down),
    or at the first sweep after `until` (their site is backing off)."""
    with repo.session() as s, s.begin():
        _lease(s, WatchLinkState.link_id, list(link_ids), until)


def release_dois(repo: Repository, dois: Sequence[str]) -> None:
    """Give leased DOIs back unchecked: due at once (a sweep that failed after taking
    them is retried within a minute, `workers.schedule._again`, wk31)."""
    with repo.session() as s, s.begin():
        _lease(s, WatchDoiState.doi, list(dois), None)


def _due(state: _State, settings: ServiceSettings, now: datetime) -> ColumnElement[bool]:
    """Never checked, or last checked longer than `watch_max_age` ago."""
    cutoff = now - timedelta(seconds=settings.watch_max_age)
    return or_(state.last_checked_at.is_(None), state.last_checked_at < cutoff)


def _unleased(state: _State, now: datetime) -> ColumnElement[bool]:
    return or_(state.lease_until.is_(None), state.lease_until < now)


def _lease(
    s: Session, key: InstrumentedAttribute[Any], keys: Sequence[Any], until: datetime | None
) -> None:
    """Sets the lease of the rows `key` names, a thousand a statement."""
    for start in range(0, len(keys), 1000):
        s.execute(
            update(key.class_).where(key.in_(keys[start : start + 1000])).values(lease_until=until)
        )
