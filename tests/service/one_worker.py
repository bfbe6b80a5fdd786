"""An API process and one Celery worker on real Redis and PostgreSQL, and audits
submitted with a marker in their only entry: the start-up the worker-limit tests share
(a marker tells the test's hostile phases what to do with the audit)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.redis_db import redis_db
from tests.service.conftest import Server
from tests.service.processes import (
    Proc,
    base_env,
    command,
    create_token,
    fake_phases,
    free_port,
    wait_for,
    wait_http,
)


def manuscript(marker: str) -> bytes:
    return (
        "They disagree (Jones, 2019; Smith, 2020).\n\n## References\n\n"
        f"Smith, A. (2020). A title {marker}. Journal, 1, 1-2. https://example.org/a\n"
    ).encode()


@contextmanager
def api_and_one_worker(
    env: dict[str, str], tmp: Path, worker_start_seconds: float
) -> Iterator[Server]:
    """The API (account "a" holds a token) and one worker, ready; both stopped after."""
    port = free_port()
    api = Proc("api", command("api", env, port), env, tmp / "api.log")
    server = Server(f"http://127.0.0.1:{port}", env, {}, [api])
    try:
        wait_http(f"{server.url}/healthz", api)
        server.tokens["a"] = create_token(env, "account-a")
        worker = Proc("worker", command("worker", env), env, tmp / "worker.log")
        server.procs.append(worker)
        wait_for(
            lambda: "ready." in worker.output() or worker.popen.poll() is not None,
            worker_start_seconds,
            "the worker to start",
        )
        assert worker.popen.poll() is None, worker.output()
        yield server
    finally:
        for proc in reversed(server.procs):
            proc.stop()


def submit(server: Server, marker: str) -> str:
    """Submit the marked manuscript as account "a"; the audit's id."""
    with server.client() as client:
        response = client.post(
            "/api/v1/audits", files=[("manuscript", ("paper.md", manuscript(marker)))]
        )
        assert response.status_code == 202, response.text
        return str(response.json()["id"])


def cluster_fixtures(
    redis_number: int,
    name: str,
    phases: str,
    worker_start_seconds: float,
    cluster_name: str = "cluster",
    **settings: str,
) -> tuple[Callable[..., Any], Callable[..., Any]]:
    """The module-scoped `redis_url` and `cluster` fixtures of one worker-limit suite.

    Each suite starts the API and one worker on its own Redis database with its own
    hostile phases and limits; only those differ, so they are all a suite names
    (`redis_url, cluster = cluster_fixtures(...)` at module level; the module imports
    the `pg_url` fixture). The Redis number must be apart from every suite that can run
    at the same time (8-15: the second pytest worker takes n - 8).
    """

    @pytest.fixture(scope="module")
    def redis_url() -> Iterator[str]:
        yield from redis_db(redis_number)

    @pytest.fixture(scope="module", name=cluster_name)
    def cluster(
        tmp_path_factory: pytest.TempPathFactory, pg_url: str, redis_url: str
    ) -> Iterator[Server]:
        tmp = tmp_path_factory.mktemp(name)
        env = base_env(
            tmp,
            CITEAUDIT_DATABASE_URL=pg_url,
            CITEAUDIT_BROKER_URL=redis_url,
            **fake_phases(phases),
            **settings,
        )
        with api_and_one_worker(env, tmp, worker_start_seconds) as server:
            yield server

    return redis_url, cluster
