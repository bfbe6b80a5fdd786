"""Workers (issue 11 point 8): no task holds a worker forever, no poison input loops.

Real processes: `citeaudit serve` and a Celery worker (the compose commands) on
Redis and PostgreSQL, with a links phase that misbehaves on purpose
(`tests.service.hostile_phases:by_marker`) and small time limits:

- a step that sleeps past its soft limit: the audit fails with "timed out", its
  offline findings kept and served;
- a step that swallows the soft limit: killed at the hard limit, the audit failed
  all the same (by the worker's main process);
- a step that kills its worker process every time: redelivered (acks_late) at most
  `max_deliveries` times, then the audit is failed -- and the worker keeps serving.

And, in a process of its own (no services): the memory ceiling each pool process
sets (`workers.limits`) refuses an allocation past it with MemoryError, which a step
turns into a failed audit, while allocations under it go on.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from citeaudit.store import Repository, make_engine
from citeaudit.store.tables import StepDelivery
from tests.service.conftest import Server, pg_url  # noqa: F401 - the fixture
from tests.service.helpers import wait_done
from tests.service.one_worker import cluster_fixtures, submit

WORKERS_REDIS_DB = 11
SOFT = 8  # seconds: the links chunk's soft limit here (a cold worker process needs ~2)
GRACE = 2  # then the hard limit kills it
MAX_DELIVERIES = 2


redis_url, cluster = cluster_fixtures(
    WORKERS_REDIS_DB,
    "workers",
    "tests.service.hostile_phases:by_marker",
    30,
    CITEAUDIT_CHUNK_TIME_LIMIT=str(SOFT),
    CITEAUDIT_TIME_LIMIT_GRACE=str(GRACE),
    CITEAUDIT_MAX_DELIVERIES=str(MAX_DELIVERIES),
    CITEAUDIT_WORKER_CONCURRENCY="2",
)


def _log(server: Server) -> str:
    return Path(server.procs[1].log).read_text(errors="replace")


def _starts(pg: str, audit_id: str) -> dict[str, int]:
    engine = make_engine(pg)
    try:
        with Repository(engine).session() as s:
            rows = s.query(StepDelivery).filter(StepDelivery.audit_id == audit_id).all()
            return {r.step: r.count for r in rows}
    finally:
        engine.dispose()


def _offline_findings_kept(server: Server, audit_id: str) -> None:
    with server.client() as client:
        findings = client.get(f"/api/v1/audits/{audit_id}/findings").json()
    assert findings["status"] == "failed"
    assert not findings["final"]
    assert any("Jones" in f["message"] for f in findings["findings"]), findings


@pytest.mark.services
@pytest.mark.slow
def test_soft_time_limit_fails_the_audit_with_what_it_had(cluster: Server) -> None:
    audit_id = submit(cluster, "HOSTILE-SLEEP")
    with cluster.client() as client:
        status = wait_done(client, audit_id, timeout=SOFT + GRACE + 30)
    assert status["status"] == "failed", status
    assert "timed out" in status["error"] and "links phase" in status["error"]
    assert f"{SOFT} s" in status["error"]
    _offline_findings_kept(cluster, audit_id)


@pytest.mark.services
@pytest.mark.slow
def test_hard_time_limit_kills_a_step_that_ignores_the_soft_one(cluster: Server) -> None:
    audit_id = submit(cluster, "HOSTILE-STUBBORN")
    with cluster.client() as client:
        status = wait_done(client, audit_id, timeout=SOFT + GRACE + 30)
    assert status["status"] == "failed", status
    assert "timed out" in status["error"]
    # The pool logs the kill beside the failure it records, not before it: under load
    # the line reached the log after the status did (CI, a load of 8).
    deadline = time.monotonic() + 30
    while "Hard time limit" not in _log(cluster) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "Hard time limit" in _log(cluster)
    _offline_findings_kept(cluster, audit_id)


@pytest.mark.services
@pytest.mark.slow
def test_poison_input_is_redelivered_a_bounded_number_of_times(
    cluster: Server,
    pg_url: str,  # noqa: F811 - the imported fixture
) -> None:
    audit_id = submit(cluster, "HOSTILE-DIE")
    with cluster.client() as client:
        status = wait_done(client, audit_id, timeout=60)
    assert status["status"] == "failed", status
    assert "gave up" in status["error"]
    assert f"started {MAX_DELIVERIES} times" in status["error"]
    chunk_starts = [n for step, n in _starts(pg_url, audit_id).items() if step.startswith("chunk")]
    assert chunk_starts == [MAX_DELIVERIES + 1]  # the last start only gave up
    _offline_findings_kept(cluster, audit_id)
    # the worker that lost its processes keeps serving
    healthy = submit(cluster, "")
    with cluster.client() as client:
        assert wait_done(client, healthy, timeout=60)["status"] == "done"


_CEILING_CHILD = r"""
import re
from workers.celery_app import app, limits
from workers.limits import WorkerLimits, limit_memory
from celery.signals import worker_process_init

assert app.conf.worker_max_memory_per_child == limits.recycle_mb * 1024
assert app.conf.worker_max_tasks_per_child == limits.max_tasks
assert any("_memory_ceiling" in repr(r) for r in worker_process_init.receivers)

status = open("/proc/self/status").read()
data_mb = int(re.search(r"VmData:\s+(\d+) kB", status).group(1)) // 1024
limit_memory(WorkerLimits(max_memory_mb=data_mb + 200))
small = bytearray(50 * 1024 * 1024)  # under the ceiling: allowed
try:
    big = bytearray(400 * 1024 * 1024)
except MemoryError:
    print("refused")
else:
    print("allowed")
"""


def test_a_pool_process_past_its_memory_ceiling_gets_memory_error() -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", _CEILING_CHILD],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "refused"


def test_out_of_memory_reason_says_what_and_what_to_do() -> None:
    from workers.limits import WorkerLimits, out_of_memory

    reason = out_of_memory("reading the files", WorkerLimits(max_memory_mb=2048))
    assert reason.startswith("out of memory: reading the files")
    assert "2,048 MB" in reason and "split" in reason
