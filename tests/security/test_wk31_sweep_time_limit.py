"""wk31: the watch's sweep runs under the watch's time limit, not the small tasks'.

Beat's sweep reads every watched link's state and the day's history, leases up to
200,000 due links, and only then sends the batches. It ran under the 120 s limit of
the small tasks (the sweeper, deliveries): 50,000 watched links took 12 s on SQLite,
so a deployment with some 500,000 watched links (five accounts at their ceiling) had
its sweep stopped after the leases were taken and before a batch was sent -- every
account's re-checks of the day lost, the next day again. Now the sweep has the
watch's limit (`watch_time_limit`, as its batches) and asks each host's site once.

A real worker on the real Redis: the small tasks' limit set to 1 s stands for a
watched set past the 120 s; counted: the batches the sweep queued on the links queue.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from workers.schedule import TASK_WATCH_SWEEP

from citeaudit.settings import ServiceSettings
from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.watch import account_by_name, watch_audit
from tests.redis_db import redis_db
from tests.service.processes import Proc, base_env, celery_worker, wait_for
from tests.watch.conftest import stored_audit

pytestmark = [pytest.mark.services, pytest.mark.slow]

HOSTS, PER_HOST = 40, 500  # one batch a host (`watch_batch_size` 500): 40 batches


@pytest.fixture
def redis_url() -> Iterator[str]:
    yield from redis_db(11)


def _queued(client: object, queue: str) -> int:
    keys = list(client.scan_iter(match=queue + "*"))  # type: ignore[attr-defined]
    return sum(int(client.llen(k)) for k in keys if client.type(k) == b"list")  # type: ignore[attr-defined]


def test_a_large_sweep_sends_its_batches(tmp_path: Path, redis_url: str) -> None:
    import redis
    from celery import Celery

    database = f"sqlite:///{tmp_path / 'store.db'}"
    engine = make_engine(database)
    upgrade(engine)
    repo = Repository(engine)
    account = account_by_name(repo, "large")
    for h in range(HOSTS):
        urls = [f"https://h{h}.site{h}.example/p/{i}" for i in range(PER_HOST)]
        watch_audit(repo, account, stored_audit(repo, account, urls))
    engine.dispose()
    assert ServiceSettings().watch_batch_size == PER_HOST

    queue = f"wk31-sweep-{uuid.uuid4().hex[:8]}"
    env = base_env(
        tmp_path,
        CITEAUDIT_DATABASE_URL=database,
        CITEAUDIT_BROKER_URL=redis_url,
        CITEAUDIT_TASK_TIME_LIMIT="1",  # the small tasks' limit, past which the sweep ran
        CITEAUDIT_WATCH_TIME_LIMIT="300",
        CITEAUDIT_WATCH_MAX_AGE="0",
    )
    args = celery_worker(queue, f"{queue}@%h")
    worker = Proc("worker", args, env, tmp_path / "worker.log")
    client = redis.Redis.from_url(redis_url)
    try:
        wait_for(lambda: "ready." in worker.output() or worker.popen.poll() is not None, 60, "up")
        assert worker.popen.poll() is None, worker.output()
        sender = Celery("wk31", broker=redis_url)
        sender.send_task(TASK_WATCH_SWEEP, queue=queue)
        sender.close()

        def ended() -> bool:
            log = worker.log.read_text(errors="replace")
            return "succeeded in" in log or "raised unexpected" in log or "TimeLimit" in log

        wait_for(ended, 240, "the sweep to end")  # liveness only
        assert _queued(client, "links") == HOSTS, worker.output()  # before: 0
    finally:
        worker.stop()
        client.close()
