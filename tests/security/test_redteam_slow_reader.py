"""A client that asks for a large answer and then stops reading it (a slow read).

uvicorn writes an answer's body into the connection's buffer whole and waits for the
client to take it; nothing ever gave up on a client that takes nothing. A 65 MB JSON
report of a large audit then stayed in the API's memory for as long as the client kept
its connection open (an open TCP window of zero is kept alive for ever), and a hundred
such clients held 6.5 GB. `HeadDeadlineProtocol` now drops a connection whose pending
answer drains slower than `BODY_MIN_RATE` over `WRITE_CHECK_SECONDS`.

The report is a stand-in of 40 MB (the render is not what is tested), the check period
is shrunk to a second, and the client reads nothing for several periods, then reads.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from citeaudit.api import slow_clients
from tests.security.test_redteam_heavy_requests import audit
from tests.security.test_redteam_slow_clients import GUARD, Served, served

__all__ = ["audit", "served"]  # the fixtures

BIG = 40 * 1024 * 1024


@pytest.fixture
def big_report(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from citeaudit.service import reports

    class _Big:
        media_type = "application/json"

        def render(self, result: Any) -> str:
            return "[" + " " * BIG + "]"

        def write(self, result: Any, out: Any) -> None:
            out.write(self.render(result))

    monkeypatch.setattr(reports, "get_reporter", lambda fmt: _Big())
    monkeypatch.setattr(slow_clients, "WRITE_CHECK_SECONDS", 1.0, raising=False)
    yield


def _read_after(served: Served, path: str, idle: float, connection: str) -> tuple[int, bool]:
    """Ask for `path`, read nothing for `idle` seconds, then read on: (bytes read,
    whether the server cut the connection before the end of the answer)."""
    head = (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {served.token}\r\n"
        f"Connection: {connection}\r\n\r\n"
    ).encode()
    got = 0
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a small window
        s.settimeout(GUARD)
        s.connect(("127.0.0.1", served.port))
        s.sendall(head)
        time.sleep(idle)
        try:
            while part := s.recv(1 << 20):
                got += len(part)
        except (ConnectionResetError, TimeoutError):
            return got, True
    return got, got < BIG


@pytest.mark.parametrize("connection", ["close", "keep-alive"])
def test_a_client_that_stops_reading_is_dropped(
    served: Served, audit: str, big_report: None, connection: str
) -> None:
    path = audit.split(f":{served.port}", 1)[1] + "/report?format=json"
    got, cut = _read_after(served, path, idle=6.0, connection=connection)
    assert cut, f"a client that read nothing for 6 s still got the whole answer ({got} bytes)"


def test_a_client_that_reads_gets_the_whole_answer(
    served: Served, audit: str, big_report: None
) -> None:
    answer = httpx.get(
        f"{audit}/report?format=json",
        headers={"Authorization": f"Bearer {served.token}"},
        timeout=GUARD * 4,
    )
    assert answer.status_code == 200 and len(answer.content) == BIG + 2
