"""Service edges (issue 11 point 7): bad requests get a 4xx with a reason, never a 500.

In-process (TestClient) for what the app decides; a real uvicorn on 127.0.0.1 for
what only a socket shows -- a body that is declared but never sent.
"""

from __future__ import annotations

import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.service.dispatch import CeleryDispatcher
from citeaudit.service.jobs import Jobs
from citeaudit.settings import ServiceSettings
from tests.service.fake_phases_launcher import use_fake_phases
from tests.service.processes import CLOSED, free_port

MANUSCRIPT = b"Smith (2020) argues.\n\n## References\n\nSmith, A. (2020). A title. J, 1, 1-2.\n"
JSON = {"content-type": "application/json"}


def _settings(tmp: Path, **extra: object) -> ServiceSettings:
    return ServiceSettings(
        database_url=f"sqlite:///{tmp / 'edges.db'}",
        cache_dir=tmp / "cache",
        crossref_url=CLOSED,
        doi_url=CLOSED,
        datacite_url=CLOSED,
        archive_url=CLOSED,
        embedded_workers=1,
        max_upload_bytes=1024 * 1024,
        max_json_bytes=16 * 1024,
        **extra,  # type: ignore[arg-type]
    )


class Api:
    def __init__(self, client: TestClient, token: str) -> None:
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, url: str) -> object:
        return self.client.get(url, headers=self.headers)


@pytest.fixture
def api(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    app = create_app(_settings(tmp_path))
    with TestClient(app, raise_server_exceptions=False) as client:
        token = app.state.repo.create_token("edges")
        yield client, {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize(
    ("url", "method", "body"),
    [
        ("/api/v1/audits/x/watch", "POST", b'{"collection": "\\ud800"}'),
        ("/api/v1/watch/settings", "PUT", b'{"webhook_url": "https://e.org/\\udfff"}'),
        ("/api/v1/watch/settings", "PUT", b'{"email": "a@b.c", "\\ud834": 1}'),
        ("/api/v1/audits/x/watch", "POST", b'{"collection": ["ok", {"deep": "\\udc80"}]}'),
    ],
)
def test_lone_surrogate_in_json_is_400_with_reason(
    api: tuple[TestClient, dict[str, str]], url: str, method: str, body: bytes
) -> None:
    client, auth = api
    response = client.request(method, url, content=body, headers={**auth, **JSON})
    assert response.status_code == 400, response.text
    assert "lone surrogate" in response.json()["detail"]


def test_a_valid_surrogate_pair_is_accepted(api: tuple[TestClient, dict[str, str]]) -> None:
    client, auth = api
    body = b'{"collection": "music \\ud834\\udd1e"}'  # U+1D11E, a valid pair
    response = client.post("/api/v1/audits/x/watch", content=body, headers={**auth, **JSON})
    assert response.status_code == 404  # reached the route: no such audit


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 7000 + b"]" * 7000,  # deeper than the parser goes, under the size cap
        b'{"collection": "x"',  # truncated
        b'{"collection": 1' + b"0" * 5000 + b"}",  # an integer over Python's digit limit
        b'{"collection": "caf\xe9"}',  # not UTF-8
    ],
)
def test_malformed_json_is_400(api: tuple[TestClient, dict[str, str]], body: bytes) -> None:
    client, auth = api
    response = client.post("/api/v1/audits/x/watch", content=body, headers={**auth, **JSON})
    assert response.status_code == 400, response.text
    assert response.json()["detail"].startswith("the JSON body")


def test_json_body_over_the_cap_is_413(api: tuple[TestClient, dict[str, str]]) -> None:
    client, auth = api
    big = b'{"collection": "' + b"a" * (32 * 1024) + b'"}'
    response = client.post("/api/v1/audits/x/watch", content=big, headers={**auth, **JSON})
    assert response.status_code == 413
    assert "16384" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: cut off while it streams
        yield b'{"collection": "'
        for _ in range(64):
            yield b"a" * 1024
        yield b'"}'

    response = client.post("/api/v1/audits/x/watch", content=chunks(), headers={**auth, **JSON})
    assert response.status_code == 413


def test_form_body_over_the_cap_is_413(api: tuple[TestClient, dict[str, str]]) -> None:
    client, _ = api
    response = client.post("/web/sign-in", data={"token": "x" * (40 * 1024), "csrf": "y"})
    assert response.status_code == 413


@pytest.mark.parametrize(
    "query",
    ["page=100000000000000000000", "page=-1", "per_page=100000000000000000000", "page=1e20"],
)
def test_huge_or_bad_page_numbers_are_422(
    api: tuple[TestClient, dict[str, str]], query: str
) -> None:
    client, auth = api
    response = client.get(f"/api/v1/audits?{query}", headers=auth)
    assert response.status_code == 422, response.text
    assert isinstance(response.json()["detail"], str)
    assert "100000000000000000000" not in response.text  # the input is not echoed


def test_the_last_allowed_page_is_empty_not_an_error(
    api: tuple[TestClient, dict[str, str]],
) -> None:
    client, auth = api
    response = client.get("/api/v1/audits?page=100000&per_page=100", headers=auth)
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_audit_submitted_while_the_broker_is_down_is_accepted_once_and_swept(
    tmp_path: Path,
) -> None:
    """202 and queued -- never a 500 for an audit that exists; the sweeper sends it later."""
    dead_broker = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    settings = _settings(tmp_path, broker_url=dead_broker)
    app = create_app(settings, dispatcher=CeleryDispatcher(dead_broker))
    with TestClient(app, raise_server_exceptions=False) as client:
        repo = app.state.repo
        auth = {"Authorization": f"Bearer {repo.create_token('edges')}"}
        started = time.monotonic()
        response = client.post(
            "/api/v1/audits",
            files=[("manuscript", ("paper.md", MANUSCRIPT))],
            data={"offline": "true"},
            headers=auth,
        )
        took = time.monotonic() - started
        assert response.status_code == 202, response.text
        assert took < 15, f"the dead broker held the request {took:.1f}s"
        audit_id = response.json()["id"]
        listed = client.get("/api/v1/audits", headers=auth).json()
        assert listed["total"] == 1
        assert listed["items"][0]["status"] == "queued"
        owed = Jobs(repo, settings).sweep()  # what beat's sweeper sends once the broker is back
        assert set(owed) == {audit_id}
        assert owed[audit_id].parse
        assert Jobs(repo, settings).sweep() == {}  # sent once, not on every sweep


def test_failed_audit_shows_no_server_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fake_phases(monkeypatch, "tests.service.hostile_phases:crash_with_path")
    app = create_app(_settings(tmp_path))
    with TestClient(app, raise_server_exceptions=False) as client:
        auth = {"Authorization": f"Bearer {app.state.repo.create_token('edges')}"}
        response = client.post(
            "/api/v1/audits", files=[("manuscript", ("paper.md", MANUSCRIPT))], headers=auth
        )
        assert response.status_code == 202, response.text
        url = response.json()["url"]
        deadline = time.monotonic() + 30
        status = client.get(url, headers=auth).json()
        while status["status"] not in ("done", "failed") and time.monotonic() < deadline:
            time.sleep(0.1)
            status = client.get(url, headers=auth).json()
    assert status["status"] == "failed", status
    error = status["error"]
    assert "FileNotFoundError" in error and "refs.bib" in error  # still says what went wrong
    assert tempfile.gettempdir() not in error
    assert "citeaudit-scratch-x1y2z3" not in error
    assert "/private/" not in error


# -- a real server socket -------------------------------------------------------------


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[int, str]]:
    app = create_app(_settings(tmp_path))
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    token = app.state.repo.create_token("edges")
    try:
        yield port, token
    finally:
        server.should_exit = True
        thread.join(10)


def _exchange(port: int, head: bytes, wait: float) -> tuple[bytes, float, bool]:
    """Send `head`, read the answer; (answer, seconds taken, whether the server closed)."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as s:
        s.sendall(head)
        answer = b""
        closed = False
        try:
            while True:
                part = s.recv(65536)
                if not part:
                    closed = True
                    break
                answer += part
        except (TimeoutError, ConnectionResetError):
            pass
    return answer, time.monotonic() - started, closed


def _post(port: int, token: str, path: str, length: int, content_type: str) -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Authorization: Bearer {token}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {length}\r\n\r\n"
    ).encode() + b"--x\r\n"


@pytest.mark.parametrize("content_type", ["multipart/form-data; boundary=x", "application/json"])
def test_huge_declared_body_is_refused_at_once(served: tuple[int, str], content_type: str) -> None:
    port, token = served
    head = _post(port, token, "/api/v1/audits", 10**12, content_type)
    answer, took, closed = _exchange(port, head, wait=10)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"larger than the limit" in answer
    assert closed, "the connection was held open"
    assert took < 2, f"took {took:.1f}s"


def test_declared_body_never_sent_is_not_held_open(served: tuple[int, str]) -> None:
    """Over the cap but small enough to drain: the drain gives up after seconds."""
    port, token = served
    head = _post(port, token, "/api/v1/audits", 8 * 1024 * 1024, "multipart/form-data; boundary=x")
    answer, took, closed = _exchange(port, head, wait=20)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert closed
    assert took < 10, f"held {took:.1f}s"


def test_server_still_answers_after_the_refusals(served: tuple[int, str]) -> None:
    port, token = served
    for _ in range(5):
        _exchange(port, _post(port, token, "/api/v1/audits", 10**15, "application/json"), 5)
    answer, _, _ = _exchange(
        port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5
    )
    assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
