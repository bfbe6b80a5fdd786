"""Redis restarted mid-audit (its queue lost): the audit completes, or fails with a reason."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.need import missing
from tests.service.conftest import EXAMPLES
from tests.service.helpers import submit, wait_done
from tests.service.processes import (
    Proc,
    base_env,
    command,
    create_token,
    fake_phases,
    free_port,
    stop_all,
    wait_for,
    wait_http,
)
from tests.service.test_celery_workers import Cluster

pytestmark = [pytest.mark.services, pytest.mark.slow]

BIB = EXAMPLES / "latex-natbib" / "refs.bib"


def _redis(port: int, tmp: Path) -> Proc:
    args = [
        "redis-server",
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        str(tmp),
    ]
    proc = Proc("redis", args, {"PATH": "/usr/bin:/bin"}, tmp / "redis.log")
    wait_for(lambda: "Ready to accept connections" in proc.output(), 10, "redis")
    return proc


@pytest.fixture
def own_redis_cluster(tmp_path: Path, pg_url: str) -> Iterator[tuple[Cluster, int]]:
    if shutil.which("redis-server") is None:
        missing("redis-server not installed")
    redis_port = free_port()
    broker = f"redis://127.0.0.1:{redis_port}/0"
    env = base_env(
        tmp_path,
        CITEAUDIT_DATABASE_URL=pg_url,
        CITEAUDIT_BROKER_URL=broker,
        **fake_phases("tests.service.slow_phases:enrichers"),
        CITEAUDIT_TEST_DELAY="0.01",
        CITEAUDIT_CHUNK_SIZE="10",
        CITEAUDIT_VISIBILITY_TIMEOUT="4",
        CITEAUDIT_RESTORE_INTERVAL="1",
        CITEAUDIT_WORKER_CONCURRENCY="1",
        CITEAUDIT_STALL_AFTER="3",
        CITEAUDIT_SWEEP_INTERVAL="1",
        CITEAUDIT_MAX_ATTEMPTS="5",
    )
    port = free_port()
    procs = [_redis(redis_port, tmp_path)]
    cluster = Cluster(f"http://127.0.0.1:{port}", env, {}, procs)
    cluster.tmp = tmp_path
    try:  # the API and the worker start at once (see Cluster.running); beat, whose
        # sweeps read the tables, once the API has made them
        procs.append(Proc("api", command("api", env, port), env, tmp_path / "api.log"))
        worker = cluster.spawn_worker("worker-1")
        wait_http(f"{cluster.url}/healthz", procs[1], timeout=60)
        procs.append(Proc("beat", command("beat", env), env, tmp_path / "beat.log"))
        cluster.tokens["a"] = create_token(env, "account-a")
        cluster.ready(worker)
        yield cluster, redis_port
    finally:
        stop_all(cluster.procs[1:])  # the API, worker and beat; then their broker
        cluster.procs[0].stop()


def test_redis_restart_mid_audit(own_redis_cluster: tuple[Cluster, int], tmp_path: Path) -> None:
    cluster, redis_port = own_redis_cluster
    with cluster.client() as client:
        audit_id = submit(client, [], [BIB])

        def midway() -> bool:
            progress = client.get(f"/api/v1/audits/{audit_id}").json()["progress"]
            return 0 < progress["done"] < progress["total"] // 2

        wait_for(midway, 60, "the audit to be under way", interval=0.05)
        redis = cluster.procs[0]
        redis.kill()
        redis.stop()  # reaped, its log closed
        cluster.procs[0] = _redis(redis_port, tmp_path)  # empty: every queued task is gone
        status = wait_done(client, audit_id, timeout=120)
        if status["status"] == "failed":  # allowed, with a reason, and retryable
            assert status["error"]
            assert client.post(f"/api/v1/audits/{audit_id}/retry").status_code == 202
            status = wait_done(client, audit_id, timeout=120)
        assert status["status"] == "done", status
        assert status["progress"]["done"] == status["progress"]["total"]
