"""The results store: audits, their inputs, findings, resolutions and link checks.

SQLAlchemy 2 over SQLite by default, PostgreSQL by URL; the schema is owned by the
Alembic migrations in `migrations/`. SQL lives only in this package: `repository.py`
for audits and accounts, `watching/` for the watch. A finished audit is kept as its
typed `AuditResult`, written and read by the model's one codec (`model/codec.py`).

The names below are imported when first asked for (PEP 562): a process that needs only
the plain records of `views` -- the fixed-download child, started for every download --
no longer imports SQLAlchemy and Alembic with them (about 0.7 s of CPU a child).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from citeaudit.store.db import make_engine
    from citeaudit.store.migrate import upgrade
    from citeaudit.store.repository import Repository

__all__ = ["Repository", "make_engine", "upgrade"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from citeaudit.store import watch_tables as _watch_tables  # noqa: F401  (the metadata)
    from citeaudit.store.db import make_engine
    from citeaudit.store.migrate import upgrade
    from citeaudit.store.repository import Repository

    return {"Repository": Repository, "make_engine": make_engine, "upgrade": upgrade}[name]
