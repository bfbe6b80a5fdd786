"""One link cannot hold a worker for as long as its server likes.

Each request had its own timeout (15 s), but a chain had none: eleven hops, each
answering just inside the timeout, or each answering 503 with ``Retry-After: 30``
three times over, held one link for many minutes -- past a chunk's time limit, so one
hostile link in a manuscript failed the whole audit. A chain now ends within the
policy's `chain_time`: the hop it was at is a timeout, and a Retry-After longer than
what is left is not waited for. Counted: the requests the stand-in received.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from citeaudit.links.policy import LinkPolicy
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.redteam_net_server import RawServer, answer, check_one

POLICY = LinkPolicy(
    concurrency=4,
    per_host=2,
    min_interval=0.0,
    connect_timeout=2.0,
    read_timeout=2.0,
    total_timeout=2.0,
    max_redirects=10,
    max_retries=2,
    backoff=0.05,
    max_retry_after=30.0,
    max_chain_time=2.0,
    soft404=False,
    archive=False,
    allow_private_networks=True,  # the stand-in is on loopback
)


def _slow_hops(sock: socket.socket, target: str) -> None:
    hop = int(target.rsplit("/", 1)[-1])
    time.sleep(0.5)  # each hop well inside the request timeout
    sock.sendall(answer("302 Found", [("Location", f"/slow/{hop + 1}")]))


def _busy(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("503 Service Unavailable", [("Retry-After", "5")], b"busy"))


def _trickle(sock: socket.socket, target: str) -> None:
    hop = int(target.rsplit("/", 1)[-1])
    sock.sendall(b"HTTP/1.1 302 Found\r\nLocation: /trickle/%d\r\n" % (hop + 1))
    for _ in range(6):  # a header line a byte at a time, each inside the read timeout
        time.sleep(0.1)
        sock.sendall(b"X")
    sock.sendall(b": y\r\nContent-Length: 0\r\n\r\n")


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    s = RawServer({"/slow/": _slow_hops, "/busy": _busy, "/trickle/": _trickle}).start()
    yield s
    s.stop()


def _check(server: RawServer, path: str) -> LinkCheck:
    return check_one(server, path, POLICY)


def test_a_chain_of_slow_hops_ends_at_the_chains_deadline(server: RawServer) -> None:
    check = _check(server, "/slow/0")
    assert check.outcome is not LinkOutcome.OK
    assert check.reason == "timeout"
    # 2 s of 0.5 s hops: at most 5 asked (before: all 11, the redirect cap)
    assert server.hits["/slow/"] <= 5


def test_a_retry_after_longer_than_the_chain_has_left_is_not_waited_for(
    server: RawServer,
) -> None:
    check = _check(server, "/busy")
    assert check.outcome is not LinkOutcome.OK
    assert check.status == 503
    assert server.hits["/busy"] == 1  # before: asked 3 times, 10 s of waiting


def test_a_chain_of_trickled_heads_ends_at_the_chains_deadline(server: RawServer) -> None:
    check = _check(server, "/trickle/0")
    assert check.reason == "timeout"
    assert server.hits["/trickle/"] <= 5
