"""Red team (freeze): a worker whose step was stopped at its time limit serves the next
audit, and the stopped audit says why.

Real processes, as tests/security/test_workers.py runs them (`citeaudit serve` and one
Celery worker on Redis and PostgreSQL, a links phase that misbehaves on purpose): a
step that sleeps past its soft limit, and one that swallows the soft limit until the
hard one kills its pool process. That file shows each audit failed "timed out"; here,
after each, the same worker (its main process still the one started) finishes a
healthy audit -- a freeze costs one audit its chunk, never the worker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.service.conftest import Server, pg_url  # noqa: F401 - the fixture
from tests.service.helpers import wait_done
from tests.service.one_worker import cluster_fixtures, submit

REDIS_DB = 14  # apart from the other suites' 9, 10, 11, 12, 13 and 15
SOFT = 8  # seconds: the links chunk's soft limit here (a cold worker process needs ~2)
GRACE = 2  # then the hard limit kills the pool process


redis_url, cluster = cluster_fixtures(
    REDIS_DB,
    "survives",
    "tests.service.hostile_phases:by_marker",
    30,
    CITEAUDIT_CHUNK_TIME_LIMIT=str(SOFT),
    CITEAUDIT_TIME_LIMIT_GRACE=str(GRACE),
    CITEAUDIT_WORKER_CONCURRENCY="1",  # one pool process: the one stopped serves next
)


def _log(server: Server) -> str:
    return Path(server.procs[1].log).read_text(errors="replace")


@pytest.mark.services
@pytest.mark.slow
@pytest.mark.parametrize(
    ("marker", "in_log"), [("HOSTILE-SLEEP", "soft time limit"), ("HOSTILE-STUBBORN", "Hard")]
)
def test_a_stopped_step_fails_its_audit_and_the_worker_serves_the_next(
    cluster: Server, marker: str, in_log: str
) -> None:
    worker = cluster.procs[1].popen
    stopped = submit(cluster, marker)
    with cluster.client() as client:
        status = wait_done(client, stopped, timeout=SOFT + GRACE + 60)
    assert status["status"] == "failed", status
    assert "timed out" in status["error"] and f"{SOFT} s" in status["error"], status
    assert in_log.lower() in _log(cluster).lower()
    healthy = submit(cluster, "")
    with cluster.client() as client:
        assert wait_done(client, healthy, timeout=90)["status"] == "done"
    assert worker.poll() is None  # the worker's main process: the one started
