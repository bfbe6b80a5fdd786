"""The real resolver inside two real Celery workers: the service's options reach it,
and its "N of M references not checked" is the whole audit's.

The service once dropped `use_cache` when it picked its network phases: an editor who
asked for fresh answers got the cached ones. The phases are now picked in one place
(`phases.default_enrichers`, with `PhaseOptions`) for the CLI and the service; this
test watches the registry stand-in: a second audit of the same manuscript asks it
nothing (the cache answers), and one sent with "cache": "false" asks it again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from tests.service.helpers import submit, wait_done
from tests.service.processes import Proc, base_env, command, create_token, free_port, wait_http
from tests.service.test_celery_workers import Cluster
from tests.service.test_real_phases import _in_process, _manuscript, _network_env
from tests.stand_ins.link_farm import Farm
from tests.stand_ins.registry_server import RegistryStandIn

pytestmark = [pytest.mark.services, pytest.mark.slow]


@pytest.fixture(scope="module")
def outside() -> Iterator[tuple[RegistryStandIn, Farm]]:
    registry = RegistryStandIn().start()
    farm = Farm().start()
    yield registry, farm
    farm.stop()
    registry.stop()


@pytest.fixture(scope="module")
def cluster(
    tmp_path_factory: pytest.TempPathFactory,
    pg_url: str,
    redis_url: str,
    outside: tuple[RegistryStandIn, Farm],
) -> Iterator[Cluster]:
    tmp = tmp_path_factory.mktemp("cache-in-workers")
    env = base_env(
        tmp,
        CITEAUDIT_DATABASE_URL=pg_url,
        CITEAUDIT_BROKER_URL=redis_url,
        CITEAUDIT_REDIS_URL=redis_url,
        CITEAUDIT_CHUNK_SIZE="4",
        CITEAUDIT_WORKER_CONCURRENCY="1",
        **_network_env(*outside),
    )
    port = free_port()
    api = Proc("api", command("api", env, port), env, tmp / "api.log")
    server = Cluster(f"http://127.0.0.1:{port}", env, {}, [api])
    server.tmp = tmp
    try:
        wait_http(f"{server.url}/healthz", api)
        server.tokens["a"] = create_token(env, "account-a")
        server.start_worker("worker-1")
        server.start_worker("worker-2")
        yield server
    finally:
        for proc in reversed(server.procs):
            proc.stop()


def test_cache_false_asks_the_registry_again_in_the_workers(
    cluster: Cluster, outside: tuple[RegistryStandIn, Farm], tmp_path: Path
) -> None:
    registry, farm = outside
    path = tmp_path / "paper.md"
    path.write_text(_manuscript(farm), encoding="utf-8")
    asked = []
    with cluster.client() as client:
        for options in ({}, {}, {"cache": "false"}):
            registry.reset_counts()
            audit_id = submit(client, [path], links="false", **options)
            status = wait_done(client, audit_id, timeout=180)
            assert status["status"] == "done", status
            asked.append(sum(registry.counts.values()))
    first, cached, fresh = asked
    assert first > 0 and cached == 0  # the cache answered the second audit
    assert fresh > 0, asked  # "cache": "false" was not dropped on the way


def test_not_checked_count_over_chunks_in_the_workers_is_the_clis(
    cluster: Cluster, outside: tuple[RegistryStandIn, Farm], tmp_path: Path
) -> None:
    """Crossref answers 503 to everything: the service's "N of M references not
    checked", merged from chunks of four done by two workers, is the one an in-process
    run says (it once kept the first chunk's: "11 of 20" for an audit's "12 of 21")."""
    registry, farm = outside
    path = tmp_path / "paper.md"
    path.write_text(_manuscript(farm), encoding="utf-8")
    registry.fail_next.extend([503] * 100_000)
    try:
        expected = _resolution_reason(_in_process(path, outside, tmp_path / "cli-cache"))
        with cluster.client() as client:
            audit_id = submit(client, [path], links="false", cache="false")
            assert wait_done(client, audit_id, timeout=300)["status"] == "done"
            served = _resolution_reason(client.get(f"/api/v1/audits/{audit_id}/report").json())
    finally:
        registry.fail_next.clear()
    assert expected is not None and "references not checked" in expected, expected
    assert served == expected


def _resolution_reason(report: dict[str, Any]) -> str | None:
    (status,) = [p for p in report["phases"] if p["phase"] == "resolution"]
    return cast(str | None, status["reason"])
