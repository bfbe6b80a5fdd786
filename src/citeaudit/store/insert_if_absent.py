"""Insert-if-absent on either database (PostgreSQL or SQLite): rows another writer may
be adding at the same moment (a link two audits cite, a change two workers find)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_ignore(s: Session, table: Any, rows: Sequence[dict[str, Any]], keys: list[str]) -> None:
    """Insert the rows whose keys are not there yet (a race with another writer is fine)."""
    if not rows:
        return
    dialect = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(table).on_conflict_do_nothing(index_elements=keys)
    s.execute(stmt, list(rows))


def insert_returning_id(s: Session, table: Any, row: dict[str, Any], keys: list[str]) -> int | None:
    """Insert one row unless its keys exist; its id, or None when it already existed."""
    dialect = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
    stmt = (
        dialect.insert(table).values(**row).on_conflict_do_nothing(index_elements=keys)
    ).returning(table.id)
    value = s.execute(stmt).scalar()
    return int(value) if value is not None else None
