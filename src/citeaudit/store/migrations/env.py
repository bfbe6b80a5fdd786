"""Alembic environment: the engine comes from `citeaudit.store.migrate`, not a file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from citeaudit.store.tables import Base

engine = context.config.attributes.get("engine")
if not isinstance(engine, Engine):  # pragma: no cover - only misuse gets here
    raise RuntimeError("run migrations through citeaudit.store.migrate.upgrade()")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=engine.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
