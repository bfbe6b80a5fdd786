"""Re-checking watched links: check, keep every check in the history, diff, record.

The checks go through the ordinary link checker (`check_links`) with its per-host
limits and no cache; the archive is not asked. When our own network is down nothing
is recorded and the links are given back, due again at the next sweep.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from citeaudit.links.policy import LinkPolicy
from citeaudit.links.run import check_links
from citeaudit.links.targets import target_for
from citeaudit.model.codec import to_data
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.tables import LinkCheckRow
from citeaudit.store.watch_tables import WatchLinkState
from citeaudit.watch.changes_store import record_change
from citeaudit.watch.diff import LinkState, Observation, baseline, step
from citeaudit.watch.due import DueLink, release_links
from citeaudit.watch.model import RecheckSummary
from citeaudit.watch.times import aware, maybe_aware, utcnow

RECORD_CHUNK = 200


def recheck_links(
    repo: Repository,
    settings: ServiceSettings,
    links: Sequence[DueLink],
    *,
    probe_urls: Sequence[str] | None = None,
) -> RecheckSummary:
    if not links:
        return RecheckSummary()
    targets = [target_for(link.url) for link in links]
    policy = LinkPolicy.from_settings(settings, archive=False)
    checks, network_up = check_links(
        targets, settings, policy=policy, use_cache=False, probe_urls=probe_urls
    )
    if not network_up:
        release_links(repo, [link.link_id for link in links])
        return RecheckSummary(network_down=True)
    by_key = dict(zip(dict.fromkeys(t.key for t in targets), checks, strict=True))
    pairs = [(link, by_key[t.key]) for link, t in zip(links, targets, strict=True)]
    kinds: Counter[str] = Counter()
    for start in range(0, len(pairs), RECORD_CHUNK):
        kinds.update(record_checks(repo, settings, pairs[start : start + RECORD_CHUNK]))
    return RecheckSummary(links_checked=len(pairs), changes=sum(kinds.values()), kinds=dict(kinds))


def record_checks(
    repo: Repository, settings: ServiceSettings, pairs: Sequence[tuple[DueLink, LinkCheck]]
) -> Counter[str]:
    """Each check into the history, the state moved on, changes made once."""
    gap = timedelta(seconds=settings.watch_newly_broken_gap)
    kinds: Counter[str] = Counter()
    with repo.session() as s, s.begin():
        for link, check in pairs:
            now = utcnow()
            plain = to_data(dataclasses.replace(check, url=link.url, reference_ids=()))
            row = LinkCheckRow(
                link_id=link.link_id,
                outcome=check.outcome.value,
                reason=check.reason,
                status=check.status,
                checked_at=now,
                data=plain,
            )
            s.add(row)
            s.flush()
            kind = _advance(s, settings, link, check, row.id, now, gap)
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
    gap: timedelta,
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
    if state.state == "unknown":
        state = baseline(_prior(s, link.link_id, check_id))
    new, event = step(link.link_id, state, Observation(check_id, now, check.outcome), gap)
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
        .where(LinkCheckRow.link_id == link_id, LinkCheckRow.id < before)
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
