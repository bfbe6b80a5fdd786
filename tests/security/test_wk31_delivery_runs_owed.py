"""wk31: re-check batches with changes queue one delivery run, not one each.

Each re-check batch whose links changed sent a delivery run to the audits queue. A
sweep of an account's 100,000 watched links is 200 batches; an account whose own
pages flip between sweeps changes every one: 200 delivery runs queued on the queue
the uploads' parse steps wait on, every sweep. Now a batch asks for a run only when
none is queued (`workers.schedule.owe_delivery`): the queued run claims every
delivery due when it starts.

A real worker (one pool process) on the real Redis (its own database); the batches
are stand-ins whose every link changed (`wk31_poison_launcher` ``changed``). Counted:
the delivery runs waiting on the audits queue once the batches ended.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from workers.schedule import TASK_WATCH_LINKS

from tests.redis_db import redis_db
from tests.service.processes import Proc, base_env, celery_worker, wait_for

pytestmark = [pytest.mark.services, pytest.mark.slow]

BATCHES = 20


@pytest.fixture
def redis_url() -> Iterator[str]:
    yield from redis_db(11)


def _queued(client: object, queue: str) -> int:
    """Messages waiting in `queue` (kombu's Redis lists: the queue, its priority steps)."""
    keys = list(client.scan_iter(match=queue + "*"))  # type: ignore[attr-defined]
    return sum(int(client.llen(k)) for k in keys if client.type(k) == b"list")  # type: ignore[attr-defined]


def test_changed_batches_queue_one_delivery_run(tmp_path: Path, redis_url: str) -> None:
    import redis
    from celery import Celery

    queue = f"wk31-batches-{uuid.uuid4().hex[:8]}"
    starts = tmp_path / "starts"
    starts.touch()
    env = base_env(
        tmp_path,
        CITEAUDIT_DATABASE_URL=f"sqlite:///{tmp_path / 'store.db'}",
        CITEAUDIT_BROKER_URL=redis_url,
    )
    launcher = [sys.executable, "-m", "tests.security.wk31_poison_launcher", "changed", str(starts)]
    args = celery_worker(queue, f"{queue}@%h", launcher=launcher)
    worker = Proc("worker", args, env, tmp_path / "worker.log")
    client = redis.Redis.from_url(redis_url)
    try:
        wait_for(
            lambda: "ready." in worker.output() or worker.popen.poll() is not None, 60, "ready"
        )
        assert worker.popen.poll() is None, worker.output()
        sender = Celery("wk31", broker=redis_url)
        for n in range(BATCHES):
            sender.send_task(TASK_WATCH_LINKS, args=[[n]], queue=queue)
        sender.close()

        def ended() -> int:
            return worker.log.read_text(errors="replace").count("succeeded in")

        wait_for(lambda: ended() >= BATCHES, 120, "the batches to end")  # liveness only
        assert len(starts.read_text().split()) == BATCHES
        assert _queued(client, "audits") == 1  # before: 20, one a batch
    finally:
        worker.stop()
        client.close()
