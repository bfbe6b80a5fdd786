"""An embedded audit's step that outlasts its time limit fails the audit, as a worker's.

Without a broker an audit's steps run in a thread of the API process, and a thread
cannot be killed: a step stuck on a hostile input (a network wait that never ends, a
reader that never returns) said "running" for ever, held a place of its account's
audits in flight, and held one of the executor's threads, so that two such uploads
stopped every later audit of every account. The Celery workers fail such an audit at
the step's soft time limit; now the embedded executor does too, with the same limits
and the same reason, and gives the stuck thread's place to the next audit (a bounded
number of times: `ABANDONED_AT_MOST` stuck threads in all).

The phase here waits on an event the test sets when it is done: the stuck thread
ends with the test, never holds the interpreter's exit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from citeaudit.audit_data import AuditData, Phase
from citeaudit.enrichment import Enricher
from citeaudit.phases import PhaseOptions
from citeaudit.server import create_app
from citeaudit.settings import Settings
from tests.redteam.offline_service import offline_settings
from tests.service.fake_phases_launcher import use_fake_phases

STUCK = (
    b"As shown (Smith, 2020).\n\n## References\n\n"
    b"Smith, A. (2020). A title. Journal, 1, 1-2. https://example.org/a\n"
)
LET_GO = threading.Event()


class _Stuck(Enricher):
    phase = Phase.LINKS

    def enrich(self, data: AuditData) -> AuditData:
        LET_GO.wait(600)  # a step that never comes back while the test runs
        return data


def stuck(settings: Settings, options: PhaseOptions) -> Sequence[Enricher]:
    return [_Stuck()] if options.links else []


@pytest.fixture
def api(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, dict[str, str]]]:
    use_fake_phases(monkeypatch, f"{__name__}:stuck")
    LET_GO.clear()
    settings = offline_settings(tmp_path, embedded_workers=1, chunk_time_limit=2.0)
    app = create_app(settings)
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            token = app.state.repo.create_token("embedded")
            yield client, {"Authorization": f"Bearer {token}"}
    finally:
        LET_GO.set()


def _submit(client: TestClient, auth: dict[str, str], links: bool) -> str:
    answer = client.post(
        "/api/v1/audits",
        files=[("manuscript", ("p.md", STUCK, "text/markdown"))],
        data={"links": str(links).lower(), "resolve": "false"},
        headers=auth,
    )
    assert answer.status_code == 202, answer.text
    return str(answer.json()["id"])


def _finished(client: TestClient, auth: dict[str, str], audit_id: str) -> dict[str, object]:
    deadline = time.monotonic() + 60  # a safety net: the outcome is what is asserted
    status: dict[str, object] = {}
    while time.monotonic() < deadline:
        status = client.get(f"/api/v1/audits/{audit_id}", headers=auth).json()
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.05)
    return status


def test_a_stuck_step_fails_its_audit_at_the_time_limit(
    api: tuple[TestClient, dict[str, str]],
) -> None:
    client, auth = api
    stuck_id = _submit(client, auth, links=True)
    later_id = _submit(client, auth, links=False)  # queued behind it on the one thread
    status = _finished(client, auth, stuck_id)
    assert status["status"] == "failed", status
    assert "timed out" in str(status["error"]), status
    # the offline findings found before stay, as with a worker
    findings = client.get(f"/api/v1/audits/{stuck_id}/findings", headers=auth).json()
    assert findings["status"] == "failed"
    # the one executor thread is stuck, yet the next audit is run
    assert _finished(client, auth, later_id)["status"] == "done"
