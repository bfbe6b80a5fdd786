"""Every API answer is sandboxed: the outer middleware's 500s and 413s too.

`SecurityHeaders` (``nosniff`` and a sandboxing CSP) was added with
``add_middleware``, inside Starlette's last-resort error middleware and inside the
body limits: an unhandled exception's plain 500 and a request refused for its size
(413, answered before the request reaches the rest) went out with neither header.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from tests.security.test_redteam_content_api_headers import _sandboxed
from tests.security.test_service_edges import _settings


@pytest.fixture
def client(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    app = create_app(_settings(tmp_path))

    async def crash() -> None:
        raise RuntimeError("an unexpected failure")

    app.add_api_route("/api/v1/crash", crash)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        token = app.state.repo.create_token("headers")
        yield test_client, {"Authorization": f"Bearer {token}"}


def test_a_plain_500_is_sandboxed(client: tuple[TestClient, dict[str, str]]) -> None:
    test_client, auth = client
    answer = test_client.get("/api/v1/crash", headers=auth)
    assert answer.status_code == 500
    _sandboxed(answer.headers, "500")


def test_a_declared_oversized_upload_is_refused_sandboxed(
    client: tuple[TestClient, dict[str, str]],
) -> None:
    test_client, auth = client
    answer = test_client.post(
        "/api/v1/audits",
        content=b"x" * (1024 * 1024 + 10),
        headers={**auth, "content-type": "multipart/form-data; boundary=b"},
    )
    assert answer.status_code == 413
    _sandboxed(answer.headers, "413 upload")


def test_an_oversized_json_body_is_refused_sandboxed(
    client: tuple[TestClient, dict[str, str]],
) -> None:
    test_client, auth = client
    answer = test_client.put(
        "/api/v1/watch/settings",
        content=b'{"email": "' + b"a" * (32 * 1024) + b'"}',
        headers={**auth, "content-type": "application/json"},
    )
    assert answer.status_code == 413
    _sandboxed(answer.headers, "413 json")
