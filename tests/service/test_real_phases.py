"""The service with its real network phases, through two Celery workers, equals
`citeaudit check` on the same input; its options and its "N of M references not
checked" reach and leave the real resolver in the workers.

No fake enrichers: the workers run the real resolver against the loopback registry
stand-in (Crossref, doi.org's Handle API, DataCite) and the real link checker against
the loopback link farm, chunk by chunk; the report the API serves must be the one the
CLI's in-process run makes with the same settings, and every phase must say done.

The service once dropped `use_cache` when it picked its network phases: an editor who
asked for fresh answers got the cached ones. The phases are now picked in one place
(`phases.default_enrichers`, with `PhaseOptions`) for the CLI and the service; a test
here watches the registry stand-in: a second audit of the same manuscript asks it
nothing (the cache answers), and one sent with "cache": "false" asks it again.

One cluster (API and two workers) and one pair of stand-ins serve the module's tests
(they were two modules with a cluster each: the same processes and settings).
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
    with real_cluster(tmp_path_factory.mktemp("real-phases"), pg_url, redis_url, outside) as server:
        yield server


def test_service_with_real_phases_equals_the_cli(
    cluster: Cluster, outside: Outside, tmp_path: Path
) -> None:
    path = tmp_path / "paper.md"
    path.write_text(manuscript(outside[1]), encoding="utf-8")
    expected = in_process(path, outside, tmp_path / "cli-cache")
    with cluster.client() as client:
        audit_id = submit(client, [path])
        status = wait_done(client, audit_id, timeout=180)
        assert status["status"] == "done", status
        served = client.get(f"/api/v1/audits/{audit_id}/report").json()

    def rules(report: dict[str, Any]) -> list[tuple[str, str | None]]:
        return sorted((f["rule"], f.get("reference")) for f in report["findings"])

    def named(report: dict[str, Any]) -> list[dict[str, Any]]:
        """Findings with files by name: the service shows the upload's name."""
        out = []
        for f in report["findings"]:
            where = dict(f["location"] or {})
            where["file"] = Path(str(where.get("file") or "")).name
            out.append({**f, "location": where})
        return out

    assert rules(served) == rules(expected)
    assert named(served) == named(expected)
    assert [p["done"] for p in served["phases"]] == [p["done"] for p in expected["phases"]]
    assert all(p["done"] for p in served["phases"]), served["phases"]
    found = {f["rule"] for f in served["findings"]}
    # the real phases ran: a registry finding, a link finding, an offline one
    assert {"doi-not-found", "broken-link", "uncited-reference"} <= found, found


def test_cache_false_asks_the_registry_again_in_the_workers(
    cluster: Cluster, outside: Outside, tmp_path: Path
) -> None:
    registry, farm = outside
    path = tmp_path / "paper.md"
    # works no other test here cites: nothing in the workers' cache answers the first
    path.write_text(manuscript(farm, first=CACHE_TEST_WORKS), encoding="utf-8")
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


CACHE_TEST_WORKS = 11  # the recorded works after the ones `manuscript(farm)` cites


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
