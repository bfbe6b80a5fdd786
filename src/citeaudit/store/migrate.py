"""Bringing a database to the current schema with Alembic, configured in code.

There is no alembic.ini: the script location is this package's `migrations/`, and
the engine is handed to env.py through the config's attributes. On PostgreSQL an
advisory lock serialises the API and workers when they start together.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

MIGRATIONS = Path(__file__).with_name("migrations")
_LOCK_KEY = 0x6369746561  # "citea"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to `revision`; safe to call from several processes at once."""
    config = alembic_config(engine)
    if engine.dialect.name == "postgresql":
        with engine.connect() as lock:
            lock.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _LOCK_KEY})
            try:
                command.upgrade(config, revision)
            finally:
                lock.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _LOCK_KEY})
                lock.commit()
    else:
        command.upgrade(config, revision)
