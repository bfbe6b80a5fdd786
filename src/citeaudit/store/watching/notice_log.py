"""A re-asked DOI's notices: those not known before become changes, all are kept.

Which kind of change a notice makes (a retraction or only a correction) is the
caller's decision (`kind_of`); a notice is the same one again when its kind and its
own DOI (or date) are (`notice_key`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import update

from citeaudit.model.change import ChangeKind
from citeaudit.model.codec import to_data
from citeaudit.model.resolution import Notice
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.watch_tables import WatchDoiState
from citeaudit.store.watching.change_log import record_change
from citeaudit.store.watching.times import utcnow


def notice_key(doi: str, notice: Mapping[str, Any]) -> str:
    return f"doi:{doi}:{notice.get('kind')}:{notice.get('doi') or notice.get('date') or ''}"


def record_notices(
    repo: Repository,
    settings: ServiceSettings,
    found: Mapping[str, tuple[Notice, ...] | None],
    kind_of: Callable[[Notice], ChangeKind],
) -> Counter[str]:
    """Each DOI's notices merged into what is known, leased DOIs released; the kinds
    of changes made now."""
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
                kind = kind_of(notice)
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
