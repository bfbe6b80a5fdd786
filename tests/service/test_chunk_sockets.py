"""A worker runs thousands of chunks: each chunk's registry clients are closed when it
ends, so no connection to a registry outlives the audit that opened it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings
from tests.stand_ins.registry_server import RegistryStandIn
from tests.test_check_closes import _connections_to


@pytest.fixture
def registry() -> Iterator[RegistryStandIn]:
    server = RegistryStandIn().start()
    yield server
    server.stop()


def test_no_registry_connection_outlives_an_audit(
    registry: RegistryStandIn, tmp_path: Path
) -> None:
    settings = ServiceSettings(
        database_url=f"sqlite:///{tmp_path / 'db.sqlite'}",
        cache_dir=tmp_path / "cache",
        crossref_url=registry.url,
        doi_url=registry.url,
        datacite_url=registry.url,
        embedded_workers=1,
        chunk_size=1,
        allow_private_networks=True,
    )
    paper = (
        "As LeCun (2015) and Lee (2019) show.\n\n## References\n\n"
        "LeCun, Y. (2015). Deep learning. *Nature*. https://doi.org/10.1038/nature14539\n\n"
        "Lee, A. (2019). A study. *Journal*. https://doi.org/10.5555/unregistered.2019.1\n"
    )
    application = create_app(settings)
    with TestClient(application) as client:
        token = application.state.repo.create_token("a")
        headers = {"Authorization": f"Bearer {token}"}
        created = client.post(
            "/api/v1/audits",
            files=[("manuscript", ("paper.md", paper.encode()))],
            data={"links": "false"},
            headers=headers,
        )
        assert created.status_code == 202, created.text
        audit_id = created.json()["id"]
        deadline = time.monotonic() + 60
        while client.get(f"/api/v1/audits/{audit_id}", headers=headers).json()["status"] != "done":
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert registry.paths, "the registry was asked"
        assert _connections_to(urlsplit(registry.url).port) == 0
