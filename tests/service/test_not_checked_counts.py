"""The service's "N of M references not checked" is the whole audit's, as `citeaudit
check` says it: the real resolver, a registry that does not answer, the references
resolved in chunks of four (it once kept the first chunk's share: "11 of 20" for an
audit's 12 of 21)."""

from __future__ import annotations

import time
from pathlib import Path

from fastapi.testclient import TestClient

from citeaudit.audit import AuditInput, audit
from citeaudit.phases import PhaseOptions, default_enrichers
from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings, Settings
from tests.service.conftest import EXAMPLES
from tests.service.processes import CLOSED

MANUSCRIPT = EXAMPLES / "apa-markdown" / "manuscript.md"
_NOWHERE = {
    "crossref_url": CLOSED,
    "doi_url": CLOSED,
    "datacite_url": CLOSED,
    "archive_url": CLOSED,
}


def _cli_reason(cache: Path) -> str | None:
    settings = Settings(**_NOWHERE, cache_dir=cache, redis_url=None)  # type: ignore[arg-type]
    enrichers = default_enrichers(settings, PhaseOptions(links=False, use_cache=False))
    data = audit(AuditInput.from_paths([MANUSCRIPT]), enrichers).data
    (status,) = [p for p in data.phases if p.phase.value == "resolution"]
    return status.reason


def test_not_checked_count_is_the_audits_in_chunks(tmp_path: Path) -> None:
    expected = _cli_reason(tmp_path / "cli-cache")
    assert expected is not None and " of 20 references not checked" in expected
    settings = ServiceSettings(
        **_NOWHERE,  # type: ignore[arg-type]
        database_url=f"sqlite:///{tmp_path / 'service.db'}",
        cache_dir=tmp_path / "service-cache",
        chunk_size=4,
        embedded_workers=1,
    )
    application = create_app(settings)
    with TestClient(application) as client:
        token = application.state.repo.create_token("counts")
        client.headers["Authorization"] = f"Bearer {token}"
        response = client.post(
            "/api/v1/audits",
            files=[("manuscript", (MANUSCRIPT.name, MANUSCRIPT.read_bytes()))],
            data={"links": "false", "cache": "false"},
        )
        assert response.status_code == 202, response.text
        audit_id = response.json()["id"]
        for _ in range(600):  # each poll answers at once; the audit ends in seconds
            if client.get(f"/api/v1/audits/{audit_id}").json()["status"] in ("done", "failed"):
                break
            time.sleep(0.1)
        report = client.get(f"/api/v1/audits/{audit_id}/report").json()
    (served,) = [p for p in report["phases"] if p["phase"] == "resolution"]
    assert served["reason"] == expected
