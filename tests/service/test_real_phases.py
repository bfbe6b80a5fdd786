"""The service with its real network phases, through two Celery workers, equals
`citeaudit check` on the same input.

No fake enrichers: the workers run the real resolver against the loopback registry
stand-in (Crossref, doi.org's Handle API, DataCite) and the real link checker against
the loopback link farm, chunk by chunk; the report the API serves must be the one the
CLI's in-process run makes with the same settings, and every phase must say done.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
