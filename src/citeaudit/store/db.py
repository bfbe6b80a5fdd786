"""Engines: SQLite tuned for a few concurrent processes, PostgreSQL as given.

PostgreSQL's text takes no NUL (U+0000) and SQLite's does: on PostgreSQL every
statement's text parameters have U+FFFD in a NUL's place (`_without_nul`). A NUL comes
from the world -- ``/api/v1/audits/%00``, a collection name, a manuscript sent as
UTF-16 (where a NUL is text) with one in a URL or a title -- and each was a refused
statement: a 500 for the request, or a failed audit whose reason showed the SQL.
Looked up, the stand-in finds nothing, as the NUL would have; written, it keeps the
place of a character no reader shows.

Also what the rest of the service needs to know of the database without writing SQL
itself: whether it answers (`/healthz`), the error a store call raises
(`StoreError`), and its URL as it may be shown (no password).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

__all__ = ["StoreError", "display_url", "make_engine", "unavailable"]

StoreError = SQLAlchemyError  # what any store call raises when the database fails it


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets WAL, a busy timeout and enforced foreign keys.

    WAL lets the API read while a worker writes; the busy timeout turns the rare
    writer collision into a short wait instead of "database is locked".
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = create_engine(url, pool_pre_ping=True)
        if parsed.get_backend_name() == "postgresql":
            event.listen(engine, "before_cursor_execute", _without_nul, retval=True)
        return engine
    if parsed.database not in (None, "", ":memory:"):  # the per-user data folder, at first
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        if parsed.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


NUL = "\x00"
NUL_STAND_IN = "\ufffd"


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace(NUL, NUL_STAND_IN) if NUL in value else value
    if isinstance(value, list | tuple):
        return type(value)(_clean(v) for v in value)
    return value


def _clean_set(parameters: Any) -> Any:
    if isinstance(parameters, dict):
        return {k: _clean(v) for k, v in parameters.items()}
    return _clean(parameters)


def _without_nul(
    _conn: Any,
    _cursor: Any,
    statement: str,
    parameters: Any,
    _context: Any,
    executemany: bool,
) -> tuple[str, Any]:
    """The statement's parameters with U+FFFD for every NUL (bytes are left alone: a
    ``bytea`` takes them); a statement without one is passed on as it came."""
    if executemany and isinstance(parameters, list | tuple):
        return statement, type(parameters)(_clean_set(p) for p in parameters)
    return statement, _clean_set(parameters)


def unavailable(engine: Engine) -> str | None:
    """Why the database does not answer (the error's type), or None when it does."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        return type(exc).__name__
    return None


def display_url(url: str) -> str:
    """`url` as it may be printed or logged: the password masked ("***").

    `serve` says where its data lives; a PostgreSQL URL carries the database password,
    which must not reach a terminal, a CI log or a screen share. A URL SQLAlchemy
    cannot parse is not shown at all (it might be all secret).
    """
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "(a database URL that does not parse)"
