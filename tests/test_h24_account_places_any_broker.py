"""An account's parse places hold whichever broker carries the tasks.

Class: the per-account parse share (`workers.account_share`, at most
`PARSES_PER_ACCOUNT` audits of one account read at once) kept its leases in the
broker's Redis, and with any other broker -- RabbitMQ (``amqp://``), which the service
supports -- it kept nothing and let every step run: one account's stuck uploads held
every pool process again. Also with no broker named (the workers' default Redis) the
share was off. Now the places live in the service's shared Redis (`redis_url`) when
there is one, else the broker's when it is Redis, else in PostgreSQL (session advisory
locks, freed by the database itself when the holding process dies).

Real Redis, real PostgreSQL, a real child process killed outright; outcomes decided
by the places' own state, never by elapsed time (the waits are safety nets).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from workers.account_share import CHUNKS, CHUNKS_PER_ACCOUNT, PARSES_PER_ACCOUNT, Place, place_key

from citeaudit.settings import ServiceSettings
from tests.redteam.offline_service import offline_settings

RABBIT = "amqp://guest:guest@127.0.0.1:5672//"  # named only: nothing here connects to it
ROOT = Path(__file__).resolve().parents[1]


def _eventually(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 60  # a safety net: the condition is what is asserted
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"never: {what}")


@pytest.fixture
def account() -> int:
    return uuid.uuid4().int % 10**8 + 10**8


@pytest.fixture
def redis_url() -> Iterator[str]:
    url = os.environ.get("CITEAUDIT_TEST_REDIS_URL")
    if not url:
        pytest.skip("Redis not available (CITEAUDIT_TEST_REDIS_URL unset)")
    yield url


@pytest.fixture
def pg_url() -> Iterator[str]:
    if not os.environ.get("CITEAUDIT_TEST_DATABASE_URL"):
        pytest.skip("PostgreSQL not available (CITEAUDIT_TEST_DATABASE_URL unset)")
    from tests.service.conftest import fresh_database

    yield from fresh_database()


def _holds_its_share(settings: ServiceSettings, account: int) -> None:
    held = [Place(settings, account, f"t{n}") for n in range(PARSES_PER_ACCOUNT)]
    other = Place(settings, account + 1, "another account")
    try:
        assert all(place.take() for place in held)
        assert not Place(settings, account, "over").take()
        assert other.take()
        held[0].give_back()
        again = Place(settings, account, "next")
        assert again.take()
        again.give_back()
    finally:
        for place in held:
            place.give_back()
        other.give_back()


def test_rabbitmq_broker_places_in_the_shared_redis(
    tmp_path: Path, redis_url: str, account: int
) -> None:
    import redis

    settings = offline_settings(tmp_path, broker_url=RABBIT, redis_url=redis_url)
    client: Any = redis.Redis.from_url(redis_url)
    try:
        _holds_its_share(settings, account)
    finally:
        client.delete(place_key(account), place_key(account + 1))
        client.close()


def test_rabbitmq_broker_without_redis_places_in_postgresql(
    tmp_path: Path, pg_url: str, account: int
) -> None:
    settings = offline_settings(tmp_path, broker_url=RABBIT, database_url=pg_url)
    _holds_its_share(settings, account)


def _chunk_places_apart(settings: ServiceSettings, account: int) -> None:
    """An account's chunk places are its own: held parse places take none of them, and
    past `CHUNKS_PER_ACCOUNT` a chunk waits."""
    parses = [Place(settings, account, f"p{n}") for n in range(PARSES_PER_ACCOUNT)]
    chunks = [Place(settings, account, f"c{n}", share=CHUNKS) for n in range(CHUNKS_PER_ACCOUNT)]
    try:
        assert all(place.take() for place in parses)
        assert all(place.take() for place in chunks)
        assert not Place(settings, account, "c-over", share=CHUNKS).take()
        chunks[0].give_back()
        again = Place(settings, account, "c-next", share=CHUNKS)
        assert again.take()
        again.give_back()
    finally:
        for place in (*parses, *chunks):
            place.give_back()


def test_chunk_places_in_redis(tmp_path: Path, redis_url: str, account: int) -> None:
    import redis

    settings = offline_settings(tmp_path, broker_url=redis_url)
    client: Any = redis.Redis.from_url(redis_url)
    try:
        _chunk_places_apart(settings, account)
    finally:
        client.delete(place_key(account), place_key(account, CHUNKS))
        client.close()


def test_chunk_places_in_postgresql(tmp_path: Path, pg_url: str, account: int) -> None:
    settings = offline_settings(tmp_path, broker_url=RABBIT, database_url=pg_url)
    _chunk_places_apart(settings, account)


HOLDER = """
import sys, time
from workers.account_share import Place
from tests.redteam.offline_service import offline_settings
from pathlib import Path
settings = offline_settings(Path(sys.argv[1]), broker_url=sys.argv[2], database_url=sys.argv[3])
place = Place(settings, int(sys.argv[4]), "child")
print("held" if place.take() else "refused", flush=True)
time.sleep(600)
"""


def test_a_killed_holders_postgresql_place_frees_itself(
    tmp_path: Path, pg_url: str, account: int
) -> None:
    settings = offline_settings(tmp_path, broker_url=RABBIT, database_url=pg_url)
    first = Place(settings, account, "parent")
    assert first.take()
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path), RABBIT, pg_url, str(account)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "held"
        assert not Place(settings, account, "over").take()  # the child holds the other
        child.send_signal(signal.SIGKILL)  # a hard limit, the OOM killer
        child.wait()
        waiting = Place(settings, account, "waiting")
        _eventually(waiting.take, "a killed process's place to free itself")
        waiting.give_back()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stdout is not None:
            child.stdout.close()
        first.give_back()


def test_a_waiting_step_comes_back_less_often_the_longer_it_waits() -> None:
    """Thousands of an account's chunks waiting for a place must not each come back
    every few seconds: the wait doubles up to `DEFER_LONGEST`, spread at random."""
    from workers.account_share import DEFER_LONGEST, DEFER_SECONDS, defer_for

    for _ in range(200):
        assert DEFER_SECONDS / 2 <= defer_for(0) <= DEFER_SECONDS
        assert DEFER_LONGEST / 2 <= defer_for(30) <= DEFER_LONGEST
        assert 2 * DEFER_SECONDS / 2 <= defer_for(1) <= 2 * DEFER_SECONDS
