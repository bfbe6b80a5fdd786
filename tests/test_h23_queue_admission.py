"""The queue has a limit of its own, over all accounts.

Class: admission limited what one account may have in flight (20 audits), not the
service: many accounts, each within its own limit, filled the queue without bound --
each audit's files held in the store, its steps queued ahead of every later audit.
`max_audits_in_flight` (0: no limit) refuses a new audit past it with 503 and
Retry-After, whichever account sends it, as a full upload budget does.

Through the real path: the embedded worker of the API, the upload route, three
accounts. The first two audits are held in their reading (on an event the test sets
at its end: decided by the event, never by timing).

Needs /work/helpers/h23-queue-admission.diff (the setting and the store's count).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from tests.redteam.offline_service import offline_settings

LET_GO = threading.Event()
MD = (
    b"# Essay\n\nAs Brown (2019) shows.\n\n## References\n\n"
    b"Brown, J. (2019). A title. Journal, 3, 1-9.\n"
)


@pytest.fixture
def app_and_tokens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, list[str]]]:
    import citeaudit.audit as core

    original = core.read_manuscript_with_problems

    def held(*args: Any, **kwargs: Any) -> Any:
        LET_GO.wait(600)
        return original(*args, **kwargs)

    monkeypatch.setattr(core, "read_manuscript_with_problems", held)
    LET_GO.clear()
    settings = offline_settings(tmp_path, embedded_workers=2, max_audits_in_flight=2)
    app = create_app(settings)
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            tokens = [app.state.repo.create_token(f"account-{n}") for n in range(3)]
            yield client, tokens
    finally:
        LET_GO.set()


def _send(client: TestClient, token: str) -> Any:
    return client.post(
        "/api/v1/audits",
        files=[("manuscript", ("essay.md", MD, "text/markdown"))],
        data={"links": "false", "resolve": "false"},
        headers={"Authorization": f"Bearer {token}"},
    )


def test_the_queue_refuses_past_its_limit_whatever_the_account(
    app_and_tokens: tuple[TestClient, list[str]],
) -> None:
    client, (a, b, c) = app_and_tokens
    assert _send(client, a).status_code == 202
    assert _send(client, b).status_code == 202
    refused = _send(client, c)
    assert refused.status_code == 503, refused.text
    assert "Retry-After" in refused.headers
    assert "queued or running" in refused.text
