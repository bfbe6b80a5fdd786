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
from tests.service.real_network import Outside, in_process, manuscript, real_cluster, stand_ins
from tests.service.test_celery_workers import Cluster

pytestmark = [pytest.mark.services, pytest.mark.slow]


@pytest.fixture(scope="module")
def outside() -> Iterator[Outside]:
    with stand_ins() as both:
        yield both


@pytest.fixture(scope="module")
def cluster(
    tmp_path_factory: pytest.TempPathFactory, pg_url: str, redis_url: str, outside: Outside
) -> Iterator[Cluster]:
    tmp = tmp_path_factory.mktemp("cache-in-workers")
    with real_cluster(tmp, pg_url, redis_url, outside) as server:
        yield server


def test_cache_false_asks_the_registry_again_in_the_workers(
    cluster: Cluster, outside: Outside, tmp_path: Path
) -> None:
    registry, farm = outside
    path = tmp_path / "paper.md"
    path.write_text(manuscript(farm), encoding="utf-8")
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
    cluster: Cluster, outside: Outside, tmp_path: Path
) -> None:
    """Crossref answers 503 to everything: the service's "N of M references not
    checked", merged from chunks of four done by two workers, is the one an in-process
    run says (it once kept the first chunk's: "11 of 20" for an audit's "12 of 21")."""
    registry, farm = outside
    path = tmp_path / "paper.md"
    path.write_text(manuscript(farm), encoding="utf-8")
    registry.fail_next.extend([503] * 100_000)
    try:
        expected = _resolution_reason(in_process(path, outside, tmp_path / "cli-cache"))
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
