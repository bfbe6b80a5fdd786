"""Re-checking the registry status of watched DOIs: new retractions and notices.

Each DOI is asked again through the ordinary resolver (no cache); notices it did not
carry before become changes -- "newly retracted" for retractions, withdrawals and
removals, "new notice" for corrections and expressions of concern. A registry that
could not be asked changes nothing; the DOI stays due.
"""

from __future__ import annotations

from collections.abc import Sequence

from citeaudit.model.change import ChangeKind
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import Notice, ResolutionState
from citeaudit.resolve import Resolver, build_resolver
from citeaudit.resolve.enricher import RUN_SHARE
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.watching.notice_log import record_notices
from citeaudit.watch.model import RecheckSummary

RETRACTING = frozenset({"retraction", "withdrawal", "removal"})


def kind_of(notice: Notice) -> ChangeKind:
    """A retraction, withdrawal or removal retracts the work; anything else is a notice."""
    return ChangeKind.NEWLY_RETRACTED if notice.kind in RETRACTING else ChangeKind.NEW_NOTICE


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
    if resolver is None:
        made = build_resolver(settings, use_cache=False)
        # The batch is its own task, under the watch's time limit, not a chunk's.
        made.max_run_time = RUN_SHARE * settings.watch_time_limit
        resolver = made
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
    kinds = record_notices(repo, settings, found, kind_of)
    return RecheckSummary(dois_checked=len(found), changes=sum(kinds.values()), kinds=dict(kinds))
