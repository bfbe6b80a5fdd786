"""A pinned client's answer head, interim answers included, has a bound.

h11 (the registries' and webhooks' parser) bounds one head at 100 KB, but httpcore
reads interim answers (100 Continue, 103 Early Hints) one after another, as many as
come, each parsed in Python: a webhook receiver sending nothing but "100 Continue"
kept its delivery's thread parsing until the delivery's deadline, and a megabyte of
them followed by "200 OK" was a delivery made. The bytes read before the final head
now stop at `MAX_HEAD_READ`: past it the answer is a protocol error.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator

import httpx
import pytest

from citeaudit.links.pinned import MAX_HEAD_READ, pinned_client
from citeaudit.links.safety import AddressRule
from citeaudit.watch.webhook import DeliveryError, post
from tests.security.redteam_net_server import RawServer, answer

CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"


def _send_and_close(sock: socket.socket, data: bytes) -> None:
    """`data`, then a clean close: what the client sent is read first (a request body
    left unread would make the close a reset, not the answer under test)."""
    sock.settimeout(0.3)
    with contextlib.suppress(OSError):
        sock.recv(65536)
    sock.settimeout(10)
    sock.sendall(data)
    sock.shutdown(socket.SHUT_WR)
    while sock.recv(65536):
        pass


def _flood_then_ok(sock: socket.socket, target: str) -> None:
    _send_and_close(sock, CONTINUE * (4 * MAX_HEAD_READ // len(CONTINUE)) + answer("200 OK"))


def _hints_then_ok(sock: socket.socket, target: str) -> None:
    hints = b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
    _send_and_close(sock, CONTINUE + hints * 3 + answer("200 OK", body=b"{}"))


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    s = RawServer({"/flood": _flood_then_ok, "/hints": _hints_then_ok}).start()
    yield s
    s.stop()


def _loopback_is_public(ip: object) -> bool:
    return False


def test_a_flood_of_interim_answers_is_no_delivery(server: RawServer) -> None:
    with pytest.raises(DeliveryError) as caught:
        post(
            server.url("/flood"),
            {"event": "x"},
            "secret",
            event="e",
            delivery="1",
            timeout=10.0,
            allow_private=False,
            forbidden=_loopback_is_public,
            allow_own_machine=True,
        )  # before: delivered (200), after a megabyte of interim answers
    assert "RemoteProtocolError" in str(caught.value)


def test_a_few_interim_answers_before_the_answer_still_pass(server: RawServer) -> None:
    with pinned_client(AddressRule(forbidden=_loopback_is_public), timeout=10.0) as client:
        response = client.get(server.url("/hints"))
    assert response.status_code == 200 and response.json() == {}


def test_a_registry_answer_of_a_megabyte_of_interim_answers_is_refused(
    server: RawServer,
) -> None:
    with (
        pinned_client(AddressRule(forbidden=_loopback_is_public), timeout=10.0) as client,
        pytest.raises(httpx.RemoteProtocolError),
    ):
        client.get(server.url("/flood"))
