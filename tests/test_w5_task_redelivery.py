"""A task whose worker process dies is handed on a bounded number of times, every task.

The workers acknowledge a message only after its task ends (``acks_late``) and put it
back when the process running it dies (``task_reject_on_worker_lost``): a step killed
by the OOM killer or a crash in native code runs again, on this worker or another.
Celery's own documentation warns that this "can cause message loops". An audit's steps
count their starts in the store (`Jobs._admitted`); the watch's tasks -- a re-check
batch of stored links and DOIs, the deliveries, the sweeps -- counted nothing: a batch
whose re-check killed its process (one hostile site's answer, met again at every
start) was put back, taken by a fresh process, killed again, for ever, one of the
worker's processes lost to it for good.

Real processes: a Celery worker (the compose command) on real Redis and PostgreSQL,
whose `citeaudit.watch.run_link_batch` -- what the re-check task runs -- is replaced
before the pool forks by one that records its start and kills its own process, as a
segfault would. The task is sent as beat's sweep sends it. Asserted: it is started
`max_deliveries` times, as an audit's step, the worker says it gave up, and the worker still
runs the next task. Outcomes, never seconds: the waits are safety nets.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from celery import Celery

from tests.redis_db import redis_db
from tests.service.conftest import pg_url  # noqa: F401 - the fixture
from tests.service.processes import Proc, base_env, command, wait_for

REDIS_DB = 8  # apart from the other suites' 9 to 15
MAX_DELIVERIES = 2
GUARD = 120.0  # seconds: a safety net, never the thing asserted

# The worker, with the re-check replaced by a poison one before its pool forks.
_LAUNCH = """
import os, signal, sys
import citeaudit.watch

STARTS = os.environ["W5_STARTS_FILE"]

def poison(repo, settings, link_ids, **_):
    with open(STARTS, "a") as f:
        f.write(f"{os.getpid()} {list(link_ids)}\\n")
    if list(link_ids) == [1]:
        os.kill(os.getpid(), signal.SIGKILL)  # a segfault, the OOM killer
    from citeaudit.watch.model import RecheckSummary
    return RecheckSummary()

citeaudit.watch.run_link_batch = poison
from celery.__main__ import main
sys.argv = ["celery", *sys.argv[1:]]
sys.exit(main())
"""


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    yield from redis_db(REDIS_DB)


def _broker_settled(url: str) -> bool:
    """No message queued on the links queue and none delivered but unacknowledged."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        return int(client.llen("links")) == 0 and int(client.hlen("unacked")) == 0
    finally:
        client.close()


def _starts(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


@pytest.mark.services
@pytest.mark.slow
def test_a_watch_task_that_kills_its_worker_is_given_up(
    tmp_path: Path,
    pg_url: str,  # noqa: F811 - the imported fixture
    redis_url: str,
) -> None:
    from workers.schedule import TASK_WATCH_LINKS

    starts = tmp_path / "starts"
    env = base_env(
        tmp_path,
        CITEAUDIT_DATABASE_URL=pg_url,
        CITEAUDIT_BROKER_URL=redis_url,
        CITEAUDIT_MAX_DELIVERIES=str(MAX_DELIVERIES),
        CITEAUDIT_WORKER_CONCURRENCY="1",
        W5_STARTS_FILE=str(starts),
    )
    args = command("worker", env)
    worker = Proc("worker", [sys.executable, "-c", _LAUNCH, *args[1:]], env, tmp_path / "w.log")
    client = Celery("w5-sender", broker=redis_url)
    try:
        wait_for(
            lambda: "ready." in worker.output() or worker.popen.poll() is not None,
            GUARD,
            "the worker to start",
        )
        assert worker.popen.poll() is None, worker.output()
        client.send_task(TASK_WATCH_LINKS, args=[[1]], queue="links")
        wait_for(
            lambda: "gave up" in worker.output() or len(_starts(starts)) > 10 * MAX_DELIVERIES,
            GUARD,
            "the poison task to be given up",
        )
        # Decided by the broker's state, not by a pause: once the given-up message is
        # acknowledged (nothing queued on "links", nothing unacknowledged), no loop can
        # go on -- a message put back would still be queued or held unacknowledged.
        wait_for(lambda: _broker_settled(redis_url), GUARD, "the poison message to be acked")
        poisoned = [line for line in _starts(starts) if line.endswith("[1]")]
        assert len(poisoned) == MAX_DELIVERIES, poisoned  # the next start only gave up
        assert "gave up" in worker.output()
        # the worker serves the next task
        client.send_task(TASK_WATCH_LINKS, args=[[2]], queue="links")
        wait_for(
            lambda: any(line.endswith("[2]") for line in _starts(starts)),
            GUARD,
            "the next task to run",
        )
        assert worker.popen.poll() is None
    finally:
        client.close()
        worker.stop()


def test_every_task_is_bounded_in_its_deliveries() -> None:
    """Each task of the workers' app counts its starts: the audit steps in the store,
    every other one through `workers.deliveries`."""
    from workers.celery_app import app
    from workers.deliveries import BoundedDeliveries

    app.loader.import_default_modules()
    counted_in_store = {
        "citeaudit.parse_audit",
        "citeaudit.run_chunk",
        "citeaudit.assemble_audit",
    }
    ours = {name: task for name, task in app.tasks.items() if name.startswith("citeaudit.")}
    assert counted_in_store <= set(ours)
    unbounded = sorted(
        name
        for name, task in ours.items()
        if name not in counted_in_store and not isinstance(task, BoundedDeliveries)
    )
    assert not unbounded, unbounded
