"""An embedded audit ends failed, with its reason, whatever its step raises.

Without a broker an audit's steps run in a thread of the API process
(`service.embedded`), and nothing sweeps for stalled audits there: only a restart of
the server picks them up. The thread's boundary caught `Exception`; a step that
raised anything else -- `SystemExit` or `KeyboardInterrupt` from a library that
"exits" on a bad input, a `GeneratorExit`, an interpreter-level error class of a C
extension -- left the thread, and the audit said "running" until the server was
restarted, holding a place of the account's audits in flight all that time. The
phases here raise each of them in turn.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from citeaudit.audit_data import AuditData, Phase
from citeaudit.enrichment import Enricher
from citeaudit.phases import PhaseOptions
from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings, Settings
from tests.service.fake_phases_launcher import use_fake_phases
from tests.service.processes import CLOSED

PAPER = (
    b"As shown (Smith, 2020).\n\n## References\n\n"
    b"Smith, A. (2020). A title. Journal, 1, 1-2. https://example.org/a\n"
)
RAISED: list[type[BaseException]] = [SystemExit]


class _Raises(Enricher):
    phase = Phase.LINKS

    def enrich(self, data: AuditData) -> AuditData:
        raise RAISED[0]("the step left without an Exception")


def raising(settings: Settings, options: PhaseOptions) -> Sequence[Enricher]:
    return [_Raises()] if options.links else []


@pytest.fixture
def api(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, dict[str, str]]]:
    use_fake_phases(monkeypatch, f"{__name__}:raising")
    settings = ServiceSettings(
        database_url=f"sqlite:///{tmp_path / 'embedded.db'}",
        cache_dir=tmp_path / "cache",
        crossref_url=CLOSED,
        doi_url=CLOSED,
        datacite_url=CLOSED,
        archive_url=CLOSED,
        embedded_workers=1,
    )
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as client:
        token = app.state.repo.create_token("embedded")
        yield client, {"Authorization": f"Bearer {token}"}


def _finished(client: TestClient, auth: dict[str, str], audit_id: str) -> dict[str, object]:
    deadline = time.monotonic() + 60  # a safety net: the outcome is what is asserted
    status: dict[str, object] = {}
    while time.monotonic() < deadline:
        status = client.get(f"/api/v1/audits/{audit_id}", headers=auth).json()
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.05)
    return status


@pytest.mark.parametrize("raised", [SystemExit, KeyboardInterrupt, GeneratorExit])
def test_a_step_that_raises_past_exception_fails_its_audit(
    api: tuple[TestClient, dict[str, str]], raised: type[BaseException]
) -> None:
    client, auth = api
    RAISED[0] = raised
    answer = client.post(
        "/api/v1/audits",
        files=[("manuscript", ("p.md", PAPER, "text/markdown"))],
        data={"links": "true", "resolve": "false"},
        headers=auth,
    )
    assert answer.status_code == 202, answer.text
    status = _finished(client, auth, answer.json()["id"])
    assert status["status"] == "failed", status
    assert raised.__name__ in str(status["error"]), status
    # the executor's thread still serves the next audit
    RAISED[0] = SystemExit
    later = client.post(
        "/api/v1/audits",
        files=[("manuscript", ("p.md", PAPER, "text/markdown"))],
        data={"links": "false", "resolve": "false"},
        headers=auth,
    )
    assert _finished(client, auth, later.json()["id"])["status"] == "done"
