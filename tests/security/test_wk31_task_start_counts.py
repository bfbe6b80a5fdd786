"""wk31: the count of a task's starts goes when the task ends.

`workers.deliveries.BoundedDeliveries` counts each start of the watch's tasks and of
the sweeper in the shared Redis, so that a message whose process dies every time is
given up. Every count was kept a week (`KEEP_SECONDS`), also for the tasks that ended
as they should -- all of them but a poison one: the sweeper and the deliveries each
minute, each re-check batch, each delivery after a batch with changes (a sweep of an
account's 100,000 watched links: 200 batches, up to 200 deliveries more), tens of
thousands of keys in the shared Redis, never read again. Now a start that ends forgets
its count; only a start whose process died leaves one.

A real worker on the real Redis (its own database); counted: the keys left.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from workers.deliveries import KEY_PREFIX
from workers.schedule import TASK_WATCH_PRUNE

from tests.redis_db import redis_db
from tests.service.processes import Proc, base_env, celery_worker, wait_for

pytestmark = [pytest.mark.services, pytest.mark.slow]

TASKS = 5


@pytest.fixture
def redis_url() -> Iterator[str]:
    yield from redis_db(11)


def test_ended_tasks_leave_no_count(tmp_path: Path, redis_url: str) -> None:
    import redis
    from celery import Celery

    queue = f"wk31-counts-{uuid.uuid4().hex[:8]}"
    env = base_env(
        tmp_path,
        CITEAUDIT_DATABASE_URL=f"sqlite:///{tmp_path / 'store.db'}",
        CITEAUDIT_BROKER_URL=redis_url,
    )
    args = celery_worker(queue, f"{queue}@%h")
    worker = Proc("worker", args, env, tmp_path / "worker.log")
    client = redis.Redis.from_url(redis_url)
    try:
        wait_for(
            lambda: "ready." in worker.output() or worker.popen.poll() is not None, 60, "ready"
        )
        assert worker.popen.poll() is None, worker.output()
        sender = Celery("wk31", broker=redis_url)
        for _ in range(TASKS):
            sender.send_task(TASK_WATCH_PRUNE, queue=queue)
        sender.close()

        def ended() -> int:
            return worker.log.read_text(errors="replace").count("succeeded in")

        wait_for(lambda: ended() >= TASKS, 120, "the tasks to end")  # liveness only
        assert ended() == TASKS
        left = list(client.scan_iter(match=KEY_PREFIX + "*"))
        assert left == []  # before: one key per task, kept a week
    finally:
        worker.stop()
        client.close()
