"""Small SQL helpers shared by the watch modules."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.sql import Select

from citeaudit.store.tables import AuditLink, AuditReference, ResolutionRow
from citeaudit.store.watch_tables import Watch, WatchDoiState


def watched_link_ids() -> Select[Any]:
    return select(AuditLink.link_id).join(Watch, Watch.audit_id == AuditLink.audit_id).distinct()


def watched_doi() -> ColumnElement[bool]:
    """The DOI state's DOI is cited by a watched audit (a reference's DOI or its
    resolution's, as `_seed_dois` reads them; states hold them in lower case)."""
    watched = select(Watch.audit_id)
    return or_(
        WatchDoiState.doi.in_(
            select(func.lower(AuditReference.doi)).where(
                AuditReference.audit_id.in_(watched), AuditReference.doi.is_not(None)
            )
        ),
        WatchDoiState.doi.in_(
            select(func.lower(ResolutionRow.doi)).where(
                ResolutionRow.audit_id.in_(watched), ResolutionRow.doi.is_not(None)
            )
        ),
    )
