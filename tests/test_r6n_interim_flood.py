"""Interim answers count toward a link's header bound: a flood of them is a protocol
error, not minutes of the event loop's thread.

The link transport bounds an answer's header block (`transport.MAX_HEAD`), but each
interim answer (100 Continue, 103 Early Hints) began the count afresh. A server that
sends nothing but "HTTP/1.1 100 Continue" answers had every one parsed in the event
loop's thread -- one 256 KB read held ten thousand -- until the request's timeout,
each retry and hop again, and every other check of the loop waited meanwhile (a 10 ms
ticker beside one such request turned 12 times in 4 s, not about 350). Interim heads
now count in the block: past `MAX_HEAD` it is the hop's protocol error.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from citeaudit.links.transport import MAX_HEAD
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.redteam_net_server import RawServer, answer, check_one, loopback_policy

POLICY = loopback_policy(read_timeout=5.0, total_timeout=30.0)
CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
FLOOD = 4 * MAX_HEAD // len(CONTINUE)  # about 40,000 interim answers, a megabyte


def _flood_then_ok(sock: socket.socket, target: str) -> None:
    sock.sendall(CONTINUE * FLOOD + answer("200 OK", body=b"ok"))


def _hints_then_ok(sock: socket.socket, target: str) -> None:
    hints = b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
    sock.sendall(CONTINUE + hints * 3 + answer("200 OK", body=b"<title>Fine</title>ok"))


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    s = RawServer({"/flood": _flood_then_ok, "/hints": _hints_then_ok}).start()
    yield s
    s.stop()


def _check(server: RawServer, path: str) -> LinkCheck:
    return check_one(server, path, POLICY)


def test_a_flood_of_interim_answers_is_a_protocol_error(server: RawServer) -> None:
    check = _check(server, "/flood")
    assert check.outcome is not LinkOutcome.OK  # before: ok, every interim answer parsed
    assert check.reason == "protocol"


def test_a_few_interim_answers_before_the_page_still_pass(server: RawServer) -> None:
    check = _check(server, "/hints")
    assert check.outcome is LinkOutcome.OK, check
