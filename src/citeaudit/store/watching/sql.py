"""Small SQL helpers shared by the watch modules."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.sql import Select

from citeaudit.store.tables import AuditLink
from citeaudit.store.watch_tables import Watch


def watched_link_ids() -> Select[Any]:
    return select(AuditLink.link_id).join(Watch, Watch.audit_id == AuditLink.audit_id).distinct()
