"""The service-wide ceiling on audits in flight holds under submissions at once.

Class: `CITEAUDIT_MAX_AUDITS_IN_FLIGHT` (503 + Retry-After past it) was a count, then
an insert, in a transaction that locked only the submitting account's row: submissions
of different accounts at the same instant each counted the same audits, each saw room,
and each inserted -- the ceiling that guards the workers was passed by as many
accounts as submitted at once (many sign-ups flooding together). Now the count and the
insert are one step over every account: on PostgreSQL a transaction-scoped advisory
lock taken before anything is counted; on SQLite the store's one write lock, taken by
the account's row write first, serializes them already.

Real PostgreSQL, one connection per submission (as from separate API processes). No
timing: the test holds a lock on the files table, so every submission that got past
its count is stopped at its first file's insert; once every submission waits on a lock
(PostgreSQL's own view, pg_stat_activity), the test lets them go. Before the fix all
of them had counted and all inserted; after it one counts at a time, behind the lock.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.quotas import AccountLimits, OverLimit
from citeaudit.store.views import NewFile

AT_ONCE = 6
CEILING = 2
FILE = NewFile("bibliography", "refs.bib", "text", b"@misc{k, title={T}}\n")
SAFETY_NET = 60.0  # seconds: never reached when the submissions behave


@pytest.fixture
def pg_url() -> Iterator[str]:
    if not os.environ.get("CITEAUDIT_TEST_DATABASE_URL"):
        pytest.skip("PostgreSQL not available (CITEAUDIT_TEST_DATABASE_URL unset)")
    from tests.service.conftest import fresh_database

    yield from fresh_database()


def _waiting_on_locks(conninfo: str, database: str) -> int:
    import psycopg

    with psycopg.connect(conninfo, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'",
            (database,),
        ).fetchone()
    return int(row[0]) if row else 0


def _flood(url: str) -> tuple[list[object], int]:
    """AT_ONCE accounts submit one audit each while the files table is held; the
    answers, and the audits in flight after."""
    import psycopg
    from sqlalchemy.engine import make_url

    first = make_engine(url)
    upgrade(first)
    repo = Repository(first)
    accounts = []
    for n in range(AT_ONCE):
        account = repo.account_for_token(repo.create_token(f"signup-{n}"))
        assert account is not None
        accounts.append(account)
    engines = [make_engine(url) for _ in range(AT_ONCE)]
    limits = AccountLimits(max_in_flight_total=CEILING)
    answers: list[object] = []
    guard = threading.Lock()

    def submit(engine_repo: Repository, account: int) -> None:
        try:
            answer: object = engine_repo.create_audit_within(account, [FILE], {}, limits)
        except Exception as exc:  # shown in the assertion's message
            answer = exc
        with guard:
            answers.append(answer)

    parsed = make_url(url)
    conninfo = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    threads = [
        threading.Thread(target=submit, args=(Repository(e), a))
        for e, a in zip(engines, accounts, strict=True)
    ]
    holder = psycopg.connect(conninfo)
    try:
        holder.execute("LOCK TABLE audit_files IN SHARE MODE")
        for t in threads:
            t.start()
        deadline = time.monotonic() + SAFETY_NET
        while _waiting_on_locks(conninfo, str(parsed.database)) < AT_ONCE:
            assert time.monotonic() < deadline, "the submissions never all waited"
            time.sleep(0.05)
    finally:
        holder.commit()  # the files table free: the submissions go on
        holder.close()
    for t in threads:
        t.join()
    try:
        with first.connect() as conn:
            from sqlalchemy import text

            in_flight = conn.scalar(
                text("SELECT count(*) FROM audits WHERE status IN ('queued', 'running')")
            )
        return answers, int(in_flight or 0)
    finally:
        for e in (first, *engines):
            e.dispose()


def test_ceiling_holds_for_many_accounts_submitting_at_once(pg_url: str) -> None:
    answers, in_flight = _flood(pg_url)
    created = [a for a in answers if isinstance(a, str)]
    refused = [a for a in answers if not isinstance(a, str)]
    assert len(created) == CEILING, answers
    assert in_flight == CEILING
    assert all(isinstance(a, OverLimit) and a.kind == "queue_full" for a in refused), refused


def test_ceiling_holds_across_sqlite_connections(tmp_path: Path) -> None:
    """SQLite's one write lock, taken first, serializes the accounts already."""
    url = f"sqlite:///{tmp_path / 'store.db'}"
    first = make_engine(url)
    upgrade(first)
    repo = Repository(first)
    accounts = [repo.account_for_token(repo.create_token(f"s{n}")) for n in range(AT_ONCE)]
    engines = [make_engine(url) for _ in range(AT_ONCE)]
    barrier = threading.Barrier(AT_ONCE)
    answers: list[object] = []
    guard = threading.Lock()
    limits = AccountLimits(max_in_flight_total=CEILING)

    def submit(engine_repo: Repository, account: int) -> None:
        barrier.wait()
        try:
            answer: object = engine_repo.create_audit_within(account, [FILE], {}, limits)
        except Exception as exc:
            answer = exc
        with guard:
            answers.append(answer)

    threads = [
        threading.Thread(target=submit, args=(Repository(e), a))
        for e, a in zip(engines, accounts, strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert sum(isinstance(a, str) for a in answers) == CEILING, answers
    finally:
        for e in (first, *engines):
            e.dispose()
