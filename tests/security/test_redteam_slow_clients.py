"""Slow clients (slowloris) against `citeaudit serve`: a head or a body trickled a byte
at a time must not hold a connection for ever.

uvicorn has no deadline on a request head or body: its keep-alive timer is cancelled
by the first byte of a request. Before `api.slow_clients`, each of these connections
was still open after any wait (a few thousand of them use up the API's file
descriptors). The server here is started by `citeaudit serve` itself (its call to
uvicorn is run in a thread), with the deadlines shrunk to a second; every wait below
is a hang guard many times the deadline, and the assertions are on what the server
did -- answered 408 and closed -- never on how fast.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from citeaudit.api import slow_clients
from citeaudit.cli import service as cli_service
from tests.service.processes import CLOSED, free_port

GUARD = 15.0  # seconds a test waits for the server at most: the deadlines are ~1 s
TRICKLE = 0.25  # seconds between trickled bytes


@dataclass(frozen=True)
class Served:
    port: int
    token: str


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Served]:
    monkeypatch.setattr(slow_clients, "HEAD_SECONDS", 1.0)
    monkeypatch.setattr(slow_clients, "BODY_GRACE_SECONDS", 1.0)
    monkeypatch.setattr(slow_clients, "BODY_MIN_RATE", 1000)
    monkeypatch.setattr(slow_clients, "BODY_MOST_SECONDS", 30.0)
    monkeypatch.setenv("CITEAUDIT_DATABASE_URL", f"sqlite:///{tmp_path / 'slow.db'}")
    monkeypatch.setenv("CITEAUDIT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CITEAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("CROSSREF", "DOI", "DATACITE", "ARCHIVE"):
        monkeypatch.setenv(f"CITEAUDIT_{name}_URL", CLOSED)
    servers: list[uvicorn.Server] = []
    apps: list[Any] = []

    def run(app: Any, **options: Any) -> None:  # `citeaudit serve`'s own uvicorn options
        apps.append(app)
        server = uvicorn.Server(uvicorn.Config(app, **options))
        servers.append(server)
        server.run()

    monkeypatch.setattr("uvicorn.run", run)
    port = free_port()
    args = argparse.Namespace(host="127.0.0.1", port=port, log_level="warning")
    thread = threading.Thread(target=cli_service.run_serve, args=(args,), daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not (servers and servers[0].started):
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    token = apps[0].state.repo.create_token("slow")
    try:
        yield Served(port, token)
    finally:
        servers[0].should_exit = True
        thread.join(10)


def _trickle(port: int, first: bytes, drip: bytes) -> tuple[bytes, bool]:
    """Send `first`, then `drip` a byte at a time (round and round) until the server
    answers or closes, or the guard passes; (what it answered, whether it closed)."""
    answer = b""
    with socket.create_connection(("127.0.0.1", port), timeout=GUARD) as s:
        s.sendall(first)
        s.settimeout(TRICKLE)
        guard = time.monotonic() + GUARD
        i = 0
        while time.monotonic() < guard:
            try:
                part = s.recv(65536)
            except TimeoutError:
                try:
                    s.sendall(drip[i % len(drip) : i % len(drip) + 1])
                except (BrokenPipeError, ConnectionResetError):
                    return answer, True
                i += 1
                continue
            except ConnectionResetError:
                return answer, True
            if not part:
                return answer, True
            answer += part
    return answer, False


def _response(s: socket.socket) -> bytes:
    """One whole HTTP response: the head and then Content-Length bytes of body. A single
    recv may return only the head (uvicorn writes head and body as separate sends), which
    made a JSON read of the first segment fail now and then."""
    answer = b""
    while b"\r\n\r\n" not in answer:
        part = s.recv(65536)
        if not part:
            return answer
        answer += part
    head, _, body = answer.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        part = s.recv(65536)
        if not part:
            break
        body += part
    return head + b"\r\n\r\n" + body


def _head(served: Served, method: str, path: str, content_type: str, length: int) -> bytes:
    return (
        f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n"
        f"Authorization: Bearer {served.token}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {length}\r\n\r\n"
    ).encode()


def test_a_trickled_request_head_is_answered_408_and_closed(served: Served) -> None:
    answer, closed = _trickle(
        served.port, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n", b"X-Slow: aaaaaaaa\r\n"
    )
    assert closed, "a request head trickled a byte at a time held its connection"
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]


def test_a_connection_that_sends_nothing_is_closed(served: Served) -> None:
    with socket.create_connection(("127.0.0.1", served.port), timeout=GUARD) as s:
        try:
            answer = s.recv(65536)
        except TimeoutError:
            pytest.fail("a silent connection was held open")
    assert answer == b"" or answer.startswith(b"HTTP/1.1 408"), answer[:200]


def test_a_trickled_upload_body_is_answered_408_and_closed(served: Served) -> None:
    body = b'--x\r\nContent-Disposition: form-data; name="manuscript"; filename="a.md"\r\n\r\n'
    head = _head(served, "POST", "/api/v1/audits", "multipart/form-data; boundary=x", 100_000)
    answer, closed = _trickle(served.port, head + body, b"Smith (2001) said so. ")
    assert closed, "an upload body trickled a byte at a time held its connection"
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b"too slowly" in answer


def test_a_trickled_json_body_is_answered_408_and_closed(served: Served) -> None:
    head = _head(served, "POST", "/api/v1/audits/x/watch", "application/json", 10_000)
    answer, closed = _trickle(served.port, head + b'{"a": "', b"bbbbbbbb")
    assert closed, "a JSON body trickled a byte at a time held its connection"
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]


def test_a_body_nobody_reads_cannot_hold_the_connection_after_the_answer(
    served: Served,
) -> None:
    """Refused before its body is read (no token: 401), the client goes on trickling the
    body; uvicorn drops those bytes, and each one used to cancel its keep-alive timer."""
    head = (
        b"POST /api/v1/audits HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 100000\r\n\r\n"
    )
    answer, closed = _trickle(served.port, head, b"aaaaaaaa")
    assert answer.startswith(b"HTTP/1.1 401"), answer[:200]
    assert closed, "a body trickled after the answer held the connection"


def test_a_keep_alive_connections_next_head_has_its_own_deadline(served: Served) -> None:
    first = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    answer, closed = _trickle(served.port, first + b"GET /healthz HTTP/1.1\r\n", b"X-Slow: a\r\n")
    assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
    assert closed, "the next request head, trickled, held the keep-alive connection"
    assert b"HTTP/1.1 408" in answer


def test_a_client_leaving_mid_upload_is_no_server_error(
    served: Served, caplog: pytest.LogCaptureFixture
) -> None:
    head = _head(served, "POST", "/api/v1/audits", "multipart/form-data; boundary=x", 100_000)
    with socket.create_connection(("127.0.0.1", served.port), timeout=GUARD) as s:
        s.sendall(head + b'--x\r\nContent-Disposition: form-data; name="manuscript"')
        time.sleep(0.3)
    with socket.create_connection(("127.0.0.1", served.port), timeout=GUARD) as s:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        assert s.recv(65536).startswith(b"HTTP/1.1 200")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Exception in ASGI application" not in logged
    assert "unexpected error" not in logged


def test_ordinary_requests_and_uploads_still_pass(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pause below stays well inside the next head's deadline: with the fixture's
    # one second, half a second of pause plus a busy machine's lag (the server's event
    # loop shares this process) ran past it and the ordinary request got a 408.
    monkeypatch.setattr(slow_clients, "HEAD_SECONDS", 10.0)
    with socket.create_connection(("127.0.0.1", served.port), timeout=GUARD) as s:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert _response(s).startswith(b"HTTP/1.1 200")
        time.sleep(0.5)  # a pause well within the keep-alive and the head deadline
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        assert s.recv(65536).startswith(b"HTTP/1.1 200")
    body = (
        b'--x\r\nContent-Disposition: form-data; name="manuscript"; filename="a.md"\r\n'
        b"Content-Type: text/markdown\r\n\r\nSmith (2001) said so.\n\n## References\n\n"
        b"Smith, A. (2001). A title. Journal, 1, 1-2.\n\r\n--x--\r\n"
    )
    head = _head(served, "POST", "/api/v1/audits", "multipart/form-data; boundary=x", len(body))
    with socket.create_connection(("127.0.0.1", served.port), timeout=GUARD) as s:
        s.sendall(head + body)
        answer = _response(s)
    assert answer.startswith(b"HTTP/1.1 202"), answer[:300]
    assert json.loads(answer.split(b"\r\n\r\n", 1)[1])["status"] == "queued"


def test_a_body_that_keeps_its_pace_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the grace, a body arriving above the minimum rate is never cut."""
    monkeypatch.setattr(slow_clients, "BODY_GRACE_SECONDS", 0.5)
    monkeypatch.setattr(slow_clients, "BODY_MIN_RATE", 1000)
    monkeypatch.setattr(slow_clients, "BODY_MOST_SECONDS", 30.0)
    chunks = [b"a" * 1000] * 6 + [b""]

    async def arrive() -> list[bytes]:
        async def receive() -> dict[str, Any]:
            await asyncio.sleep(0.2)  # 5,000 bytes a second: five times the minimum
            body = chunks.pop(0)
            return {"type": "http.request", "body": body, "more_body": bool(body)}

        timed = slow_clients.paced(receive)
        got = [(await timed())["body"] for _ in range(7)]
        return got

    got = asyncio.run(arrive())
    assert sum(len(b) for b in got) == 6000


def test_a_body_that_falls_behind_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slow_clients, "BODY_GRACE_SECONDS", 0.3)
    monkeypatch.setattr(slow_clients, "BODY_MIN_RATE", 1_000_000)

    async def arrive() -> int:
        async def receive() -> dict[str, Any]:
            await asyncio.sleep(0.1)
            return {"type": "http.request", "body": b"a", "more_body": True}

        timed = slow_clients.paced(receive)
        for n in range(1000):
            try:
                await timed()
            except slow_clients.BodyTooSlow:
                return n
        return -1

    assert asyncio.run(arrive()) >= 1  # cut, after the grace let the first bytes in
