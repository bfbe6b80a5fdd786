"""Many uploads from one account at the same instant, each through its own connection
(as from separate API processes sharing one store): the in-flight limit lets exactly
the limit through, on SQLite as on PostgreSQL.

The admission counts the account's audits and inserts the new one in one transaction
that first locks the account. On SQLite the lock was a ``SELECT ... FOR UPDATE``, which
SQLite does not have (SQLAlchemy drops it) and which, being a read, the driver does not
even begin a transaction for: every connection counted the same audits and inserted,
eight at once under a limit of three. A barrier starts them together; the count is
what the store holds after.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.quotas import AccountLimits, OverLimit
from citeaudit.store.views import NewFile

AT_ONCE = 8
LIMIT = 3
FILE = NewFile("bibliography", "refs.bib", "text", b"@misc{k, title={T}}\n" * 2000)


def _flood(url: str, limits: AccountLimits) -> tuple[int, int, list[object]]:
    """AT_ONCE connections admit one audit each at once; (created, in flight, answers)."""
    first = make_engine(url)
    upgrade(first)
    repo = Repository(first)
    account = repo.account_for_token(repo.create_token("flooder"))
    assert account is not None
    engines = [make_engine(url) for _ in range(AT_ONCE)]
    barrier = threading.Barrier(AT_ONCE)
    answers: list[object] = []
    lock = threading.Lock()

    def admit(engine_repo: Repository) -> None:
        barrier.wait()
        try:
            answer: object = engine_repo.create_audit_within(account, [FILE], {}, limits)
        except Exception as exc:  # a "database is locked" is an answer too: it is shown
            answer = exc
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=admit, args=(Repository(e),)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        created = sum(isinstance(a, str) for a in answers)
        return created, repo.in_flight(account), answers
    finally:
        for e in (first, *engines):
            e.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    if not os.environ.get("CITEAUDIT_TEST_DATABASE_URL"):
        pytest.skip("PostgreSQL not available (CITEAUDIT_TEST_DATABASE_URL unset)")
    from tests.service.conftest import fresh_database

    yield from fresh_database()


def test_in_flight_limit_holds_across_sqlite_connections(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    created, in_flight, answers = _flood(url, AccountLimits(max_in_flight=LIMIT))
    assert created == LIMIT, answers
    assert in_flight == LIMIT
    refused = [a for a in answers if not isinstance(a, str)]
    assert all(isinstance(a, OverLimit) and a.kind == "in_flight" for a in refused), refused


def test_stored_bytes_limit_holds_across_sqlite_connections(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    room = LIMIT * len(FILE.content)
    created, _, answers = _flood(url, AccountLimits(max_stored_bytes=room))
    assert created == LIMIT, answers
    refused = [a for a in answers if not isinstance(a, str)]
    assert all(isinstance(a, OverLimit) and a.kind == "stored_bytes" for a in refused), refused


def test_in_flight_limit_holds_across_postgresql_connections(pg_url: str) -> None:
    created, in_flight, answers = _flood(pg_url, AccountLimits(max_in_flight=LIMIT))
    assert created == LIMIT, answers
    assert in_flight == LIMIT
