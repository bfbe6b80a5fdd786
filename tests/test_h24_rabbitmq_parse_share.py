"""One account's stuck uploads leave processes to the others under a RabbitMQ broker.

Class: the per-account parse share (`workers.account_share`) kept its places in the
broker's Redis only; the service supports RabbitMQ (``amqp://``) as its broker, and
there the share kept nothing: an account that sent as many hostile uploads as the
cluster has pool processes held all of them again, and every other account waited for
the hard limit. Now the places live in PostgreSQL when no Redis is named.

Real processes: `citeaudit serve` and one Celery worker with three pool processes on
the machine's RabbitMQ (127.0.0.1:5672, its queues purged first) and a fresh
PostgreSQL database, no Redis at all; the reader that ignores the soft limit for one
named upload (`tests.service.h23_stubborn_reader`). Account "a" sends three stuck
uploads, account "b" a healthy one: b's audit is done while a's are all still queued
or running. Outcomes, never seconds: the waits are safety nets.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from tests.service.conftest import Server, pg_url  # noqa: F401 - the fixture
from tests.service.one_worker import api_and_one_worker
from tests.service.processes import base_env, create_token, fake_phases
from tests.test_h23_account_parse_share import stuck_parses_leave_processes

RABBIT = "amqp://guest:guest@127.0.0.1:5672//"
QUEUES = ("audits", "registry", "links")
SOFT = 60  # seconds: the parse step's soft limit: far past what the test needs
GRACE = 2


def _rabbit_or_skip() -> None:
    try:
        socket.create_connection(("127.0.0.1", 5672), timeout=2).close()
    except OSError:
        pytest.skip("no RabbitMQ on 127.0.0.1:5672")


def _purge() -> None:
    from kombu import Connection

    with Connection(RABBIT) as conn:
        channel = conn.channel()
        for queue in QUEUES:
            try:
                channel.queue_purge(queue)
            except Exception:  # not declared yet: nothing to purge
                channel = conn.channel()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory, pg_url: str) -> Iterator[Server]:  # noqa: F811
    _rabbit_or_skip()
    _purge()
    tmp = tmp_path_factory.mktemp("h24-rabbit")
    env = base_env(
        tmp,
        CITEAUDIT_DATABASE_URL=pg_url,
        CITEAUDIT_BROKER_URL=RABBIT,
        **fake_phases("tests.service.h23_stubborn_reader:no_phases"),
        CITEAUDIT_PARSE_TIME_LIMIT=str(SOFT),
        CITEAUDIT_TIME_LIMIT_GRACE=str(GRACE),
        CITEAUDIT_WORKER_CONCURRENCY="3",
    )
    env.pop("CITEAUDIT_REDIS_URL", None)
    try:
        with api_and_one_worker(env, tmp, 60) as server:
            server.tokens["b"] = create_token(env, "account-b")
            yield server
    finally:
        _purge()


@pytest.mark.services
@pytest.mark.slow
def test_rabbitmq_one_accounts_stuck_parses_leave_processes(cluster: Server) -> None:
    stuck_parses_leave_processes(cluster)
