"""The results store: audits, their inputs, findings, resolutions and link checks.

SQLAlchemy 2 over SQLite by default, PostgreSQL by URL; the schema is owned by the
Alembic migrations in `migrations/`. SQL lives only in this package: `repository.py`
for audits and accounts, `watching/` for the watch. A finished audit is kept as its
typed `AuditResult`, written and read by the model's one codec (`model/codec.py`).
"""

from citeaudit.store import watch_tables as _watch_tables  # noqa: F401  (the metadata)
from citeaudit.store.db import make_engine
from citeaudit.store.migrate import upgrade
from citeaudit.store.repository import Repository

__all__ = ["Repository", "make_engine", "upgrade"]
