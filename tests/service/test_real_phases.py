"""The service with its real network phases, through two Celery workers, equals
`citeaudit check` on the same input.

No fake enrichers: the workers run the real resolver against the loopback registry
stand-in (Crossref, doi.org's Handle API, DataCite) and the real link checker against
the loopback link farm, chunk by chunk; the report the API serves must be the one the
CLI's in-process run makes with the same settings, and every phase must say done.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.phases import PhaseOptions, default_enrichers
from citeaudit.report.serialize import to_dict
from citeaudit.settings import Settings
from tests.service.helpers import submit, wait_done
from tests.service.processes import (
    Proc,
    base_env,
    command,
    create_token,
    free_port,
    wait_http,
)
from tests.service.test_celery_workers import Cluster
from tests.stand_ins.link_farm import Farm
from tests.stand_ins.registry_server import RECORDS, RegistryStandIn

pytestmark = [pytest.mark.services, pytest.mark.slow]


def _manuscript(farm: Farm) -> str:
    """Ten recorded works cited with their DOIs, one recorded work without its DOI (a DOI
    to add), an unregistered DOI, two web pages (one gone), and an uncited entry."""
    works = [w for w in json.loads((RECORDS / "works.json").read_text("utf-8")) if w.get("author")]
    chosen = [w for w in works if w.get("issued", {}).get("date-parts")][:11]
    entries, cites = [], []
    for i, work in enumerate(chosen):
        family = work["author"][0].get("family") or work["author"][0].get("name", "Anon")
        year = work["issued"]["date-parts"][0][0]
        title = work["title"][0]
        container = (work.get("container-title") or ["Journal"])[0]
        doi = f" https://doi.org/{work['DOI']}" if i < 10 else ""
        entries.append(f"{family}, A. ({year}). {title}. *{container}*.{doi}")
        cites.append(f"{family}, {year}")
    entries.append(
        "Quist, R. (2019). A study nobody registered. *Journal of Nothing*, 3(1), 1-9. "
        "https://doi.org/10.5555/unregistered.2019.77"
    )
    cites.append("Quist, 2019")
    entries.append(f"Seed Bank Network. (2021). Guide. {farm.url('site', '/ok')}")
    entries.append(f"Statistics Office. (2020). Tables. {farm.url('site', '/gone404')}")
    cites += ["Seed Bank Network, 2021", "Statistics Office, 2020"]
    entries.append("Uncited, U. (2001). Never cited here. *Journal of Asides*, 1, 1-2.")
    body = "Earlier work agrees (" + "; ".join(cites) + ").\n"
    return "# A study\n\n" + body + "\n## References\n\n" + "\n\n".join(entries) + "\n"


@pytest.fixture(scope="module")
def outside() -> Iterator[tuple[RegistryStandIn, Farm]]:
    registry = RegistryStandIn().start()
    farm = Farm().start()
    yield registry, farm
    farm.stop()
    registry.stop()


def _network_env(registry: RegistryStandIn, farm: Farm) -> dict[str, str]:
    return {
        "CITEAUDIT_CROSSREF_URL": registry.url,
        "CITEAUDIT_DOI_URL": registry.url,
        "CITEAUDIT_DATACITE_URL": registry.url,
        "CITEAUDIT_ARCHIVE_URL": farm.url("svc", "/wayback/available"),
        "CITEAUDIT_MAILTO": "editor@example.org",
        "CITEAUDIT_ALLOW_PRIVATE_NETWORKS": "true",
        "CITEAUDIT_LINK_TIMEOUT": "5",
    }


@pytest.fixture(scope="module")
def cluster(
    tmp_path_factory: pytest.TempPathFactory,
    pg_url: str,
    redis_url: str,
    outside: tuple[RegistryStandIn, Farm],
) -> Iterator[Cluster]:
    tmp = tmp_path_factory.mktemp("real-phases")
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


def _in_process(path: Path, outside: tuple[RegistryStandIn, Farm], cache: Path) -> dict[str, Any]:
    """What `citeaudit check` computes: the same core, the same settings, in-process."""
    values = {k.removeprefix("CITEAUDIT_").lower(): v for k, v in _network_env(*outside).items()}
    settings = Settings(**values, cache_dir=cache, redis_url=None)  # type: ignore[arg-type]
    enrichers = default_enrichers(settings, PhaseOptions())
    try:
        return to_dict(audit(AuditInput.from_paths([path]), enrichers))
    finally:
        for enricher in enrichers:
            close = getattr(enricher, "close", None) or getattr(
                getattr(enricher, "resolver", None), "close", None
            )
            if callable(close):
                close()


def test_service_with_real_phases_equals_the_cli(
    cluster: Cluster, outside: tuple[RegistryStandIn, Farm], tmp_path: Path
) -> None:
    path = tmp_path / "paper.md"
    path.write_text(_manuscript(outside[1]), encoding="utf-8")
    expected = _in_process(path, outside, tmp_path / "cli-cache")
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
