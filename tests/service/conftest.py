"""Service fixtures: a fresh PostgreSQL database and Redis DB per session, real processes.

Service-backed tests skip cleanly when tests/services.sh found no Redis/PostgreSQL
(CITEAUDIT_TEST_REDIS_URL / CITEAUDIT_TEST_DATABASE_URL unset) -- and fail under
CI=true, where they must run (tests.need).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.need import missing
from tests.redis_db import redis_db
from tests.service.processes import (
    Proc,
    base_env,
    command,
    create_token,
    fake_phases,
    free_port,
    wait_http,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "references" / "examples"
TEST_REDIS_DB = 13  # apart from the other suites' DB 15


def fresh_database() -> Iterator[str]:
    """A new, empty PostgreSQL database's URL, dropped afterwards."""
    admin = os.environ.get("CITEAUDIT_TEST_DATABASE_URL")
    if not admin:
        missing("PostgreSQL not available (CITEAUDIT_TEST_DATABASE_URL unset)")
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(admin)
    name = f"citeaudit_test_{uuid.uuid4().hex[:10]}"
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    yield from fresh_database()


@pytest.fixture
def empty_pg_url() -> Iterator[str]:
    """A database of this test's own: for migrating from an older schema."""
    yield from fresh_database()


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    yield from redis_db(TEST_REDIS_DB)


@dataclass
class Server:
    url: str
    env: dict[str, str]
    tokens: dict[str, str]
    procs: list[Proc] = field(default_factory=list)

    def client(self, account: str | None = "a") -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.tokens[account]}"} if account else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=30.0)


@pytest.fixture(scope="package")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`citeaudit serve` with no broker: SQLite and the in-process executor.

    One process for the package's modules (they once started one each; it stops
    after the package's last test): a test that counts an account's audits counts
    those it adds, or uses an account of its own."""
    tmp = tmp_path_factory.mktemp("embedded")
    env = base_env(
        tmp,
        CITEAUDIT_DATABASE_URL=f"sqlite:///{tmp / 'citeaudit.db'}",
        **fake_phases("tests.service.slow_phases:enrichers"),
        CITEAUDIT_MAX_UPLOAD_BYTES=str(2 * 1024 * 1024),
    )
    tokens = {name: create_token(env, f"account-{name}") for name in ("a", "b")}
    port = free_port()
    proc = Proc("api", command("api", env, port), env, tmp / "api.log")
    server = Server(f"http://127.0.0.1:{port}", env, tokens, [proc])
    try:
        wait_http(f"{server.url}/healthz", proc)
        yield server
    finally:
        proc.stop()
