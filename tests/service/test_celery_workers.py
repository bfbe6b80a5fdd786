"""Real Celery worker processes on Redis and PostgreSQL: sharing work, surviving SIGKILL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.report.serialize import to_dict
from citeaudit.store import Repository, make_engine
from tests.service.conftest import EXAMPLES, Server
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
from tests.service.slow_phases import SlowLinks, SlowResolver

pytestmark = [pytest.mark.services, pytest.mark.slow]

BIB = EXAMPLES / "latex-natbib" / "refs.bib"  # 400+ references: a large audit


class Cluster(Server):
    tmp: Path

    def spawn_worker(self, name: str) -> Proc:
        """A worker process started, not yet waited for (see `ready`)."""
        proc = Proc(name, command("worker", self.env), self.env, self.tmp / f"{name}.log")
        self.procs.append(proc)
        return proc

    @staticmethod
    def ready(proc: Proc) -> Proc:
        """`proc` once Celery says it is ready (it fails the test if it exited)."""
        wait_for(
            lambda: "ready." in proc.output() or proc.popen.poll() is not None,
            60,  # liveness: processes that start together share the CPUs
            f"{proc.name} to start",
        )
        assert proc.popen.poll() is None, proc.output()
        return proc

    def start_worker(self, name: str) -> Proc:
        return self.ready(self.spawn_worker(name))

    @classmethod
    @contextmanager
    def running(cls, tmp: Path, env: dict[str, str], workers: int = 2) -> Iterator[Cluster]:
        """The API and `workers` worker processes on `env`, account "a" with a token;
        every process stopped on the way out. All start at once, as a deployment's do
        (a worker touches the database only for a task, which comes after the API
        has migrated it): the start-up costs the slowest process, not their sum."""
        port = free_port()
        api = Proc("api", command("api", env, port), env, tmp / "api.log")
        server = cls(f"http://127.0.0.1:{port}", env, {}, [api])
        server.tmp = tmp
        try:
            started = [server.spawn_worker(f"worker-{n}") for n in range(1, workers + 1)]
            wait_http(f"{server.url}/healthz", api, timeout=60)
            server.tokens["a"] = create_token(env, "account-a")
            for proc in started:
                cls.ready(proc)
            yield server
        finally:
            stop_all(server.procs)


@pytest.fixture(scope="module")
def cluster(
    tmp_path_factory: pytest.TempPathFactory, pg_url: str, redis_url: str
) -> Iterator[Cluster]:
    tmp = tmp_path_factory.mktemp("cluster")
    env = base_env(
        tmp,
        CITEAUDIT_DATABASE_URL=pg_url,
        CITEAUDIT_BROKER_URL=redis_url,
        CITEAUDIT_REDIS_URL=redis_url,
        **fake_phases("tests.service.slow_phases:enrichers"),
        CITEAUDIT_TEST_DELAY="0.01",
        CITEAUDIT_CHUNK_SIZE="10",
        CITEAUDIT_VISIBILITY_TIMEOUT="4",
        CITEAUDIT_RESTORE_INTERVAL="1",
        CITEAUDIT_WORKER_CONCURRENCY="1",
    )
    with Cluster.running(tmp, env) as server:
        yield server


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    import os

    here = os.getcwd()
    os.chdir(BIB.parent)
    try:
        return to_dict(audit(AuditInput((), (Path(BIB.name),)), [SlowResolver(), SlowLinks()]))
    finally:
        os.chdir(here)


def _workers(pg_url: str, audit_id: str) -> set[str]:
    engine = make_engine(pg_url)
    try:
        return {c.worker or "" for c in Repository(engine).chunks(audit_id)}
    finally:
        engine.dispose()


def test_two_workers_share_one_audit(
    cluster: Cluster, pg_url: str, expected: dict[str, object]
) -> None:
    with cluster.client() as client:
        assert client.get("/healthz").json()["mode"] == "celery"
        audit_id = submit(client, [], [BIB])
        status = wait_done(client, audit_id, timeout=90)
        assert status["status"] == "done", status
        served = client.get(f"/api/v1/audits/{audit_id}/report").json()
    assert served["findings"] == expected["findings"]
    assert served["references"] == expected["references"]
    assert len(_workers(pg_url, audit_id)) == 2  # both processes ran chunks of it


def test_sigkill_mid_audit_loses_nothing(
    cluster: Cluster, pg_url: str, expected: dict[str, object]
) -> None:
    victim = cluster.procs[1]
    with cluster.client() as client:
        audit_id = submit(client, [], [BIB])

        def midway() -> bool:
            progress = client.get(f"/api/v1/audits/{audit_id}").json()["progress"]
            return 0 < progress["done"] < progress["total"] // 2

        wait_for(midway, 60, "the audit to be under way", interval=0.05)
        victim.kill()  # SIGKILL to the worker and its pool child
        victim.popen.wait(10)
        status = wait_done(client, audit_id, timeout=120)
        assert status["status"] == "done", status
        served = client.get(f"/api/v1/audits/{audit_id}/report").json()
    assert served["findings"] == expected["findings"]
    assert served["references"] == expected["references"]
