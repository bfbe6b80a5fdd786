"""Re-checking the registry status of watched DOIs: new retractions and notices.

Each DOI is asked again through the ordinary resolver (no cache); notices it did not
carry before become changes -- "newly retracted" for retractions, withdrawals and
removals, "new notice" for corrections and expressions of concern. A registry that
could not be asked changes nothing; the DOI stays due.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import update

from citeaudit.model.codec import to_data
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import Notice, ResolutionState
from citeaudit.resolve import Resolver, build_resolver
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.watch_tables import WatchDoiState
from citeaudit.watch.changes_store import record_change
from citeaudit.watch.model import ChangeKind, RecheckSummary
from citeaudit.watch.times import utcnow

RETRACTING = frozenset({"retraction", "withdrawal", "removal"})


def notice_key(doi: str, notice: dict[str, Any]) -> str:
    return f"doi:{doi}:{notice.get('kind')}:{notice.get('doi') or notice.get('date') or ''}"


def recheck_dois(
    repo: Repository,
    settings: ServiceSettings,
    dois: Sequence[str],
    *,
    resolver: Resolver | None = None,
) -> RecheckSummary:
    if not dois:
        return RecheckSummary()
    own = resolver is None
    resolver = resolver or build_resolver(settings, use_cache=False)
    try:
        refs = [
            Reference(id=f"w{i}", index=i, location=Location("watch"), raw=doi, doi=doi)
            for i, doi in enumerate(dois)
        ]
        run = resolver.resolve(refs)
    finally:
        if own:
            close = getattr(resolver, "close", None)
            if close is not None:
                close()
    found: dict[str, tuple[Notice, ...] | None] = {}
    for ref in refs:
        res = run.resolutions.get(ref.id)
        assert ref.doi is not None
        if res is None or res.state is ResolutionState.FAILED:
            continue  # not asked: stays due
        found[ref.doi] = res.record.notices if res.record is not None else None
    kinds = record_notices(repo, settings, found)
    return RecheckSummary(dois_checked=len(found), changes=sum(kinds.values()), kinds=dict(kinds))


def record_notices(
    repo: Repository, settings: ServiceSettings, found: dict[str, tuple[Notice, ...] | None]
) -> Counter[str]:
    kinds: Counter[str] = Counter()
    with repo.session() as s, s.begin():
        for doi, notices in found.items():
            now = utcnow()
            state = s.get(WatchDoiState, doi, with_for_update=True)
            if state is None:
                state = WatchDoiState(doi=doi, notices=[])
                s.add(state)
            known = list(state.notices or [])
            for notice in notices or ():
                plain = to_data(notice)
                if any(notice_key(doi, k) == notice_key(doi, plain) for k in known):
                    continue
                known.append(plain)
                kind = (
                    ChangeKind.NEWLY_RETRACTED
                    if notice.kind in RETRACTING
                    else ChangeKind.NEW_NOTICE
                )
                made = record_change(
                    s,
                    settings,
                    key=notice_key(doi, plain),
                    kind=kind,
                    at=now,
                    data={"doi": doi, "notice": plain},
                    doi=doi,
                )
                if made is not None:
                    kinds[kind.value] += 1
            s.execute(
                update(WatchDoiState)
                .where(WatchDoiState.doi == doi)
                .values(notices=known, last_checked_at=now, lease_until=None)
            )
    return kinds
