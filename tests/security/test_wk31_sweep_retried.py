"""wk31: a watch sweep that fails after leasing gives its links back and is tried again.

Beat sends the watch's sweep once a day. A sweep that failed after it had leased the
due links (its time limit, a store or broker error) sent no batch; the links stayed
leased (`watch_lease`), then waited for the next sweep: every account's re-checks of
the day were lost. Now the sweep gives back what it leased and is retried soon
(`workers.schedule._again`: at most a minute, a quarter of the interval).

A real worker on the real Redis; the sweep fails once after leasing (a stand-in,
`wk31_poison_launcher` ``sweep-fails-once``). Counted: the batches queued on the links
queue once the sweep's starts ended.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from workers.schedule import TASK_WATCH_SWEEP

from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.watch import account_by_name, watch_audit
from tests.redis_db import redis_db
from tests.service.processes import Proc, base_env, celery_worker, wait_for
from tests.watch.conftest import stored_audit

pytestmark = [pytest.mark.services, pytest.mark.slow]

HOSTS, PER_HOST = 4, 10  # one batch a host (`watch_batch_size` 10)


@pytest.fixture
def redis_url() -> Iterator[str]:
    yield from redis_db(11)


def _queued(client: object, queue: str) -> int:
    keys = list(client.scan_iter(match=queue + "*"))  # type: ignore[attr-defined]
    return sum(int(client.llen(k)) for k in keys if client.type(k) == b"list")  # type: ignore[attr-defined]


def test_a_failed_sweep_is_tried_again(tmp_path: Path, redis_url: str) -> None:
    queued = sweep_failing_once(tmp_path, redis_url)
    assert queued["links"] == HOSTS  # before: 0 (and a day's wait)


def test_a_failed_sweep_gives_its_dois_back(tmp_path: Path, redis_url: str) -> None:
    queued = sweep_failing_once(tmp_path, redis_url)
    assert queued["registry"] == 1  # one DOI batch; before: 0 (leased, a day's wait)


def sweep_failing_once(tmp_path: Path, redis_url: str) -> dict[str, int]:
    """The batches queued on the links and registry queues by a sweep that failed once."""
    import redis
    from celery import Celery

    database = f"sqlite:///{tmp_path / 'store.db'}"
    engine = make_engine(database)
    upgrade(engine)
    repo = Repository(engine)
    account = account_by_name(repo, "journal")
    for h in range(HOSTS):
        urls = [f"https://h{h}.site{h}.example/p/{i}" for i in range(PER_HOST)]
        doi = {"reference_id": "ref-doi", "state": "resolved", "doi": f"10.5555/wk31.{h}"}
        watch_audit(repo, account, stored_audit(repo, account, urls, resolutions=[doi]))
    engine.dispose()

    queue = f"wk31-retry-{uuid.uuid4().hex[:8]}"
    starts = tmp_path / "starts"
    starts.touch()
    env = base_env(
        tmp_path,
        CITEAUDIT_DATABASE_URL=database,
        CITEAUDIT_BROKER_URL=redis_url,
        CITEAUDIT_WATCH_MAX_AGE="0",
        CITEAUDIT_WATCH_BATCH_SIZE=str(PER_HOST),
        CITEAUDIT_WATCH_INTERVAL="4",  # a retry a second on
    )
    launcher = [sys.executable, "-m", "tests.security.wk31_poison_launcher", "sweep-fails-once"]
    args = celery_worker(queue, f"{queue}@%h", launcher=[*launcher, str(starts)])
    worker = Proc("worker", args, env, tmp_path / "worker.log")
    client = redis.Redis.from_url(redis_url)
    try:
        wait_for(lambda: "ready." in worker.output() or worker.popen.poll() is not None, 60, "up")
        assert worker.popen.poll() is None, worker.output()
        sender = Celery("wk31", broker=redis_url)
        sender.send_task(TASK_WATCH_SWEEP, queue=queue)
        sender.close()

        def settled() -> bool:
            log = worker.log.read_text(errors="replace")
            return "succeeded in" in log or ("raised unexpected" in log and "Retry" not in log)

        wait_for(settled, 120, "the sweep to end")  # liveness only
        assert len(starts.read_text().split()) == 2, worker.output()  # failed, then ran
        return {name: _queued(client, name) for name in ("links", "registry")}
    finally:
        worker.stop()
        client.close()
