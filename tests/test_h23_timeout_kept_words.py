"""A failed audit's reason says what of it is kept, and it is true.

Class: every "timed out" and "gave up" reason said "The findings found before are
kept (GET .../findings)", whichever step stopped. A parse step stores nothing until
it has read every upload and applied the rules (`Repository.save_offline`, one
transaction): an audit stopped while reading has no findings at all, and its owner
was sent to an empty list as if it held what was found. Now the words follow the
store: no findings stored -> the reason says none were kept and only a retry helps;
the offline findings stored (a chunk or the assembly stopped) -> they are kept.

Through the real path: the embedded worker of the API, its parse time limit, the
upload route (a reader held on an event the test sets at its end: decided by the
event, never by timing); and a parse step given up after too many starts.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.service.jobs import STEP_PARSE, Jobs
from citeaudit.service.reasons import gave_up, timed_out
from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.views import NewFile
from tests.redteam.offline_service import offline_settings

LET_GO = threading.Event()
MD = (
    b"# Essai\n\nComme le montre Dupont (2019), et ailleurs (Leroy, 2020).\n\n"
    b"## R\xc3\xa9f\xc3\xa9rences\n\nDupont, J. (2019). Un titre. Revue, 3, 1-9.\n"
)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    LET_GO.clear()
    settings = offline_settings(tmp_path, embedded_workers=2, parse_time_limit=1.0)
    app = create_app(settings)
    try:
        with TestClient(app, raise_server_exceptions=False) as test_client:
            token = app.state.repo.create_token("kept")
            yield test_client, {"Authorization": f"Bearer {token}"}
    finally:
        LET_GO.set()


def _finished(client: TestClient, auth: dict[str, str], audit_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 60  # a safety net: the outcome is what is asserted
    status: dict[str, Any] = {}
    while time.monotonic() < deadline:
        status = client.get(f"/api/v1/audits/{audit_id}", headers=auth).json()
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.05)
    return status


def test_a_parse_stopped_while_reading_does_not_claim_findings_kept(
    client: tuple[TestClient, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import citeaudit.audit as core

    original = core.read_manuscript_with_problems

    def held(*args: Any, **kwargs: Any) -> Any:
        LET_GO.wait(600)
        return original(*args, **kwargs)

    monkeypatch.setattr(core, "read_manuscript_with_problems", held)
    test_client, auth = client
    answer = test_client.post(
        "/api/v1/audits",
        files=[("manuscript", ("essai.md", MD, "text/markdown"))],
        data={"links": "false", "resolve": "false"},
        headers=auth,
    )
    assert answer.status_code == 202, answer.text
    audit_id = str(answer.json()["id"])
    status = _finished(test_client, auth, audit_id)
    assert status["status"] == "failed", status
    error = str(status["error"])
    assert error.startswith("timed out: reading the files"), error
    findings = test_client.get(f"/api/v1/audits/{audit_id}/findings", headers=auth).json()
    assert findings["findings"] == []  # what the reason must not hide
    assert "are kept" not in error, error
    assert "no findings" in error.lower(), error
    assert f"/api/v1/audits/{audit_id}/retry" in error


def test_the_words_follow_what_is_stored() -> None:
    """Both words, from one function: kept -> the findings' address; not -> none."""
    kept = timed_out("a1", "a chunk of the links phase", 8, kept_any=True)
    assert "findings found before are kept (GET /api/v1/audits/a1/findings)" in kept
    lost = timed_out("a1", "reading the files", 8, kept_any=False)
    assert "kept (GET" not in lost and "no findings" in lost.lower()
    assert "no findings" in gave_up("a1", "reading the files", 3, kept_any=False).lower()
    assert "are kept" in gave_up("a1", "a chunk of the links phase", 3, kept_any=True)


def test_a_parse_given_up_does_not_claim_findings_kept(tmp_path: Path) -> None:
    settings = offline_settings(tmp_path, max_deliveries=1)
    engine = make_engine(settings.database_url)
    upgrade(engine)
    try:
        repo = Repository(engine)
        account_id = repo.account_for_token(repo.create_token("given-up"))
        assert account_id is not None
        audit_id = repo.create_audit(
            account_id,
            [NewFile(role="manuscript", name="essai.md", kind="text", content=MD)],
            {"links": False, "resolve": False},
        )
        repo.count_delivery(audit_id, STEP_PARSE)  # a start whose worker died
        Jobs(repo, settings).parse(audit_id)  # the second: given up
        audit = repo.get_audit(audit_id)
        assert audit is not None and audit.status == "failed"
        assert audit.error is not None and audit.error.startswith("gave up"), audit.error
        assert "are kept" not in audit.error and "no findings" in audit.error.lower(), audit.error
    finally:
        engine.dispose()
