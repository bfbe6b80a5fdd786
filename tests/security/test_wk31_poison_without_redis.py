"""wk31: a re-check batch that kills its process is given up under RabbitMQ too.

The workers acknowledge a message when its task ends and put it back when the process
running it dies (`acks_late`, `task_reject_on_worker_lost`). The watch's tasks count
their starts in the shared Redis (`workers.deliveries.BoundedDeliveries`) and give up
after `max_deliveries`; with a RabbitMQ broker and no Redis (a configuration the
service supports: `workers.account_share` keeps its places in PostgreSQL then) the
count was not kept and the task "ran uncounted": a batch that crashed its process was
put back, crashed the next, for ever -- starts without end, one pool process after
another. Now, with no count kept, the message carries it: a start of a message the
broker says was redelivered is sent again with one more retry counted, and past
`max_deliveries` deaths it is acknowledged and not run.

A real worker (one pool process) on the real RabbitMQ, its own queue; counted: the
batch's starts. The same on a Redis broker, where the count is Redis's (and a start
that ends forgets it, `test_wk31_task_start_counts`: a death must still be counted).
"""

from __future__ import annotations

import contextlib
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from workers.schedule import TASK_WATCH_LINKS

from tests.redis_db import redis_db
from tests.service.processes import Proc, base_env, celery_worker, wait_for

pytestmark = [pytest.mark.services, pytest.mark.slow]

AMQP = "amqp://guest:guest@127.0.0.1:5672//"
MAX_DELIVERIES = 3
LOOPING = 3 * MAX_DELIVERIES  # starts that prove a loop (the count stops at 3)


def _broker_up() -> bool:
    import kombu

    try:
        with kombu.Connection(AMQP, connect_timeout=3) as conn:
            conn.connect()
            return bool(conn.connected)
    except Exception:
        return False


@pytest.fixture
def queue() -> Iterator[str]:
    if not _broker_up():
        pytest.skip("no RabbitMQ on 127.0.0.1:5672")
    name = f"wk31-poison-{uuid.uuid4().hex[:8]}"
    yield name
    import kombu

    with kombu.Connection(AMQP, connect_timeout=3) as conn, contextlib.suppress(Exception):
        ch = conn.channel()
        try:
            ch.queue_delete(name)
            ch.exchange_delete(name)
        finally:
            ch.close()


@pytest.fixture
def redis_url() -> Iterator[str]:
    yield from redis_db(11)


def test_a_poison_batch_stops_under_rabbitmq_without_redis(tmp_path: Path, queue: str) -> None:
    poison_batch_is_given_up(tmp_path, queue, AMQP)


def test_a_poison_batch_stops_on_a_redis_broker(tmp_path: Path, redis_url: str) -> None:
    poison_batch_is_given_up(tmp_path, f"wk31-poison-{uuid.uuid4().hex[:8]}", redis_url)


def poison_batch_is_given_up(tmp_path: Path, queue: str, broker: str) -> None:
    from celery import Celery

    starts = tmp_path / "starts"
    starts.touch()
    env = base_env(
        tmp_path,
        CITEAUDIT_DATABASE_URL=f"sqlite:///{tmp_path / 'store.db'}",
        CITEAUDIT_BROKER_URL=broker,
        CITEAUDIT_MAX_DELIVERIES=str(MAX_DELIVERIES),
    )
    launcher = [sys.executable, "-m", "tests.security.wk31_poison_launcher", "poison", str(starts)]
    args = celery_worker(queue, f"{queue}@%h", launcher=launcher)
    worker = Proc("worker", args, env, tmp_path / "worker.log")
    try:
        wait_for(
            lambda: "ready." in worker.output() or worker.popen.poll() is not None, 60, "ready"
        )
        assert worker.popen.poll() is None, worker.output()
        sender = Celery("wk31", broker=broker)
        sender.send_task(TASK_WATCH_LINKS, args=[[1]], queue=queue)
        sender.close()

        def count() -> int:
            return len(starts.read_text().split())

        # liveness only: the count is asserted, not the time
        wait_for(
            lambda: count() >= LOOPING or "gave up" in worker.log.read_text(errors="replace"),
            120,
            "the batch to loop or be given up",
        )
        assert count() == MAX_DELIVERIES, worker.output()  # before: 9 and counting
        assert "gave up" in worker.log.read_text(errors="replace")
    finally:
        worker.stop()
