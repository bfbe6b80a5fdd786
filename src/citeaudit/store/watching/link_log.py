"""Each re-check of a watched link into its history, its state moved on, its change made.

What a check means for the link is the caller's decision (`Decide`: the watch's
diff); here it is read, locked, written and recorded once, in one transaction per
batch so a repeated task changes nothing twice.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from citeaudit.model.codec import to_data
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.tables import LinkCheckRow
from citeaudit.store.watch_tables import WatchLinkState
from citeaudit.store.watching.change_log import record_change
from citeaudit.store.watching.records import WAITING, DueLink, Event, LinkState, Observation
from citeaudit.store.watching.times import aware, maybe_aware, utcnow

# (link id, its stored state, its check before this one (asked only when needed), this
# check) -> its new state and the change it makes, if any
Decide = Callable[
    [int, LinkState, Callable[[], Observation | None], Observation],
    tuple[LinkState, Event | None],
]


def record_link_checks(
    repo: Repository,
    settings: ServiceSettings,
    pairs: Sequence[tuple[DueLink, LinkCheck]],
    decide: Decide,
) -> Counter[str]:
    """Each check kept, each link's state moved on; the kinds of changes made now."""
    kinds: Counter[str] = Counter()
    with repo.session() as s, s.begin():
        for link, check in pairs:
            now = utcnow()
            row = LinkCheckRow(
                link_id=link.link_id,
                outcome=check.outcome.value,
                reason=check.reason,
                status=check.status,
                checked_at=now,
                data=to_data(dataclasses.replace(check, url=link.url, reference_ids=())),
            )
            s.add(row)
            s.flush()
            kind = _advance(s, settings, link, check, row.id, now, decide)
            if kind is not None:
                kinds[kind] += 1
    return kinds


def _advance(
    s: Session,
    settings: ServiceSettings,
    link: DueLink,
    check: LinkCheck,
    check_id: int,
    now: datetime,
    decide: Decide,
) -> str | None:
    state_row = s.get(WatchLinkState, link.link_id, with_for_update=True)
    if state_row is None:
        state_row = WatchLinkState(link_id=link.link_id, state="unknown")
        s.add(state_row)
    state = LinkState(
        state_row.state,
        maybe_aware(state_row.streak_started_at),
        state_row.streak_check_id,
        maybe_aware(state_row.broken_since),
    )
    new, event = decide(
        link.link_id,
        state,
        lambda: _prior(s, link.link_id, check_id),
        Observation(check_id, now, check.outcome),
    )
    state_row.state = new.state
    state_row.streak_started_at = new.streak_started_at
    state_row.streak_check_id = new.streak_check_id
    state_row.broken_since = new.broken_since
    state_row.last_checked_at = now
    state_row.lease_until = None
    if event is None:
        return None
    data = {
        "url": link.url,
        "status": check.status,
        "reason": check.reason,
        "final_url": check.final_url,
        "since": event.since.isoformat() if event.since else None,
    }
    made = record_change(
        s, settings, key=event.key, kind=event.kind, at=now, data=data, link_id=link.link_id
    )
    return event.kind.value if made is not None else None


def _prior(s: Session, link_id: int, before: int) -> Observation | None:
    row = s.execute(
        select(LinkCheckRow.id, LinkCheckRow.checked_at, LinkCheckRow.outcome)
        .where(
            LinkCheckRow.link_id == link_id,
            LinkCheckRow.id < before,
            # a wait for a backing-off site asked nothing: the audit's check stays prior
            func.coalesce(LinkCheckRow.reason, "").not_like(f"{WAITING}%"),
        )
        .order_by(LinkCheckRow.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    try:
        outcome = LinkOutcome(row[2])
    except ValueError:
        return None
    return Observation(row[0], aware(row[1]), outcome)
