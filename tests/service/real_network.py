"""The real network phases against loopback stand-ins, shared by the service and page tests.

One manuscript of recorded works, the settings that point every service base URL at
the stand-ins, the in-process run `citeaudit check` makes with them, and a cluster of
the API and two Celery workers running the real resolver and link checker. A test
module starts its own stand-ins and cluster (module scope), so one module's caches
and counters never reach another's assertions; inside the module (test_real_phases)
a test that counts registry questions cites works no other test there cites
(`manuscript(farm, first=...)`), so what another test cached cannot answer them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from citeaudit.audit import AuditInput, audit
from citeaudit.phases import PhaseOptions, default_enrichers
from citeaudit.report.serialize import to_dict
from citeaudit.settings import Settings
from tests.service.processes import base_env
from tests.service.test_celery_workers import Cluster
from tests.stand_ins.link_farm import Farm
from tests.stand_ins.registry_server import RECORDS, RegistryStandIn

Outside = tuple[RegistryStandIn, Farm]


def manuscript(farm: Farm, first: int = 0) -> str:
    """Ten recorded works cited with their DOIs, one recorded work without its DOI (a DOI
    to add), an unregistered DOI, two web pages (one gone), and an uncited entry.

    The works are the recorded ones from the `first`th on (the stand-in holds over
    60): another `first` makes a manuscript whose works and unregistered DOI no
    registry cache holds yet."""
    works = [w for w in json.loads((RECORDS / "works.json").read_text("utf-8")) if w.get("author")]
    chosen = [w for w in works if w.get("issued", {}).get("date-parts")][first : first + 11]
    assert len(chosen) == 11, f"the stand-in has too few recorded works from {first}"
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
        f"https://doi.org/10.5555/unregistered.2019.{77 + first}"
    )
    cites.append("Quist, 2019")
    entries.append(f"Seed Bank Network. (2021). Guide. {farm.url('site', '/ok')}")
    entries.append(f"Statistics Office. (2020). Tables. {farm.url('site', '/gone404')}")
    cites += ["Seed Bank Network, 2021", "Statistics Office, 2020"]
    entries.append("Uncited, U. (2001). Never cited here. *Journal of Asides*, 1, 1-2.")
    body = "Earlier work agrees (" + "; ".join(cites) + ").\n"
    return "# A study\n\n" + body + "\n## References\n\n" + "\n\n".join(entries) + "\n"


@contextmanager
def stand_ins() -> Iterator[Outside]:
    """The registry stand-in (Crossref, doi.org's Handle API, DataCite) and the link farm."""
    registry = RegistryStandIn().start()
    farm = Farm().start()
    try:
        yield registry, farm
    finally:
        farm.stop()
        registry.stop()


def network_env(registry: RegistryStandIn, farm: Farm) -> dict[str, str]:
    return {
        "CITEAUDIT_CROSSREF_URL": registry.url,
        "CITEAUDIT_DOI_URL": registry.url,
        "CITEAUDIT_DATACITE_URL": registry.url,
        "CITEAUDIT_ARCHIVE_URL": farm.url("svc", "/wayback/available"),
        "CITEAUDIT_MAILTO": "editor@example.org",
        "CITEAUDIT_ALLOW_PRIVATE_NETWORKS": "true",
        "CITEAUDIT_ALLOW_OWN_MACHINE": "true",  # the farm is on this machine's loopback
        "CITEAUDIT_LINK_TIMEOUT": "5",
    }


def network_settings(outside: Outside) -> dict[str, str]:
    """`network_env` as settings' keyword arguments."""
    return {k.removeprefix("CITEAUDIT_").lower(): v for k, v in network_env(*outside).items()}


def in_process(path: Path, outside: Outside, cache: Path) -> dict[str, Any]:
    """What `citeaudit check` computes: the same core, the same settings, in-process."""
    settings = Settings(**network_settings(outside), cache_dir=cache, redis_url=None)  # type: ignore[arg-type]
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


@contextmanager
def real_cluster(tmp: Path, pg_url: str, redis_url: str, outside: Outside) -> Iterator[Cluster]:
    """The API and two one-process Celery workers with the real phases, chunks of four."""
    env = base_env(
        tmp,
        CITEAUDIT_DATABASE_URL=pg_url,
        CITEAUDIT_BROKER_URL=redis_url,
        CITEAUDIT_REDIS_URL=redis_url,
        CITEAUDIT_CHUNK_SIZE="4",
        CITEAUDIT_WORKER_CONCURRENCY="1",
        **network_env(*outside),
    )
    with Cluster.running(tmp, env) as server:
        yield server
