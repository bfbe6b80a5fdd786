"""An answer whose status is its verdict stands, whatever its body then does.

The body of a 404, a redirect or a 403 is read only to give the connection back to
the pool (or to look for a bot wall), but it was read inside the request's own
timeout: a server that sent "404 Not Found" with a Content-Length it never filled
(or a body a byte at a time) turned the 404 into a timeout -- unverified, and asked
again as timeouts are, once per retry -- and a 301 into no redirect at all. Such a
body is now read for a short while at most (`fetch.SPARE_READ_TIME`); the answer
stands. A 2xx body is the verdict's own (soft 404s, bot walls): one that stalls is
still a timeout, unverified.

Decided by counts and verdicts: the stand-in holds every stalled body until the test
ends, so only the spare read's bound can end a request before the request's timeout.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.redteam_net_server import RawServer, answer, check_one, loopback_policy

# One retry: a timeout is asked again, so the old reading sent two requests.
POLICY = loopback_policy(read_timeout=3.0, total_timeout=3.0, max_retries=1)
HOLD = 20.0  # the most a stalled body is held (a hang guard: the test releases it)

_release = threading.Event()


def _stalled(status: str, extra: bytes = b"") -> object:
    def handler(sock: socket.socket, target: str) -> None:
        head = f"HTTP/1.1 {status}\r\nContent-Length: 500\r\n".encode() + extra + b"\r\n"
        sock.sendall(head + b"<html>")  # 6 of the 500 bytes promised
        _release.wait(HOLD)

    return handler


def _page(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("200 OK", body=b"<title>moved here</title>"))


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    s = RawServer(
        {
            "/gone": _stalled("404 Not Found"),  # type: ignore[dict-item]
            "/moved": _stalled("301 Moved Permanently", b"Location: /new-home/page\r\n"),  # type: ignore[dict-item]
            "/new-home/": _page,
            "/walled": _stalled("403 Forbidden"),  # type: ignore[dict-item]
            "/fine": _stalled("200 OK"),  # type: ignore[dict-item]
        }
    ).start()
    yield s
    _release.set()
    s.stop()


def _check(server: RawServer, path: str) -> LinkCheck:
    return check_one(server, path, POLICY)


def test_a_404_whose_body_stalls_is_broken_after_one_request(server: RawServer) -> None:
    check = _check(server, "/gone")
    assert (check.outcome, check.reason, check.status) == (LinkOutcome.BROKEN, "status-404", 404)
    assert check.attempts == 1
    assert server.hits["/gone"] == 1  # not asked again as a timeout


def test_a_permanent_move_whose_body_stalls_is_followed(server: RawServer) -> None:
    check = _check(server, "/moved")
    assert check.outcome is LinkOutcome.REDIRECTED, check
    assert check.final_url == server.url("/new-home/page")
    assert [hop.status for hop in check.hops] == [301]
    assert server.hits["/moved"] == 1


def test_a_403_whose_body_stalls_keeps_its_status(server: RawServer) -> None:
    check = _check(server, "/walled")
    assert (check.outcome, check.reason, check.status) == (
        LinkOutcome.UNVERIFIED,
        "status-403",
        403,
    )
    assert server.hits["/walled"] == 1


def test_a_success_whose_body_stalls_stays_unverified(server: RawServer) -> None:
    # The verdict reads a 2xx body (a soft 404, a bot wall): without it we cannot tell.
    check = _check(server, "/fine")
    assert (check.outcome, check.reason) == (LinkOutcome.UNVERIFIED, "timeout")
