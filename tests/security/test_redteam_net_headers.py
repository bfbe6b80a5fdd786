"""A link's answer cannot make the checker hold megabytes of headers.

aiohttp bounds a header line (64 KB here, for long Content-Security-Policy values)
and the number of headers (512), not the block: 512 lines of 64 KB is 32 MB held per
answer, per request in flight (32 at once by default), and the chain's cookie jar
kept every hop's Set-Cookie lines and sent them back. httpx's own parser (h11, the
registries' and webhooks' clients) stops at 100 KB. The link transport now stops a
header block at `MAX_HEAD` bytes: such an answer is a protocol error of that hop.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from citeaudit.links.transport import MAX_HEAD
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.redteam_net_server import RawServer, answer, check_one, loopback_policy

POLICY = loopback_policy(read_timeout=5.0, total_timeout=5.0)
LINE = 60_000  # under aiohttp's line bound: only the block's size is refused


def _many_headers(sock: socket.socket, target: str) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n"
    lines = b"".join(b"X-Pad-%d: %s\r\n" % (i, b"a" * LINE) for i in range(40))
    sock.sendall(head + lines + b"\r\nok")


def _interim_then_many(sock: socket.socket, target: str) -> None:
    sock.sendall(b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n")
    _many_headers(sock, target)


def _cookie_hops(sock: socket.socket, target: str) -> None:
    hop = int(target.rsplit("/", 1)[-1])
    cookies = [("Set-Cookie", f"c{hop}_{i}={'v' * LINE}; Path=/") for i in range(12)]
    if hop >= 8:
        sock.sendall(answer("200 OK", body=b"ok"))
    else:
        sock.sendall(answer("302 Found", [("Location", f"/cookies/{hop + 1}"), *cookies]))


def _realistic(sock: socket.socket, target: str) -> None:
    csp = "default-src 'self'; " + "script-src https://cdn.example.org; " * 1200  # ~44 KB
    headers = [("Content-Security-Policy", csp)]
    headers += [(f"X-Header-{i}", "x" * 200) for i in range(100)]
    headers += [("Set-Cookie", f"s{i}={'v' * 300}; Path=/") for i in range(30)]
    sock.sendall(answer("200 OK", headers, b"<title>Fine</title>ok"))


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    s = RawServer(
        {
            "/many": _many_headers,
            "/interim": _interim_then_many,
            "/cookies/": _cookie_hops,
            "/real": _realistic,
        }
    ).start()
    yield s
    s.stop()


def _check(server: RawServer, path: str) -> LinkCheck:
    return check_one(server, path, POLICY)


def test_a_header_block_of_megabytes_is_a_protocol_error(server: RawServer) -> None:
    assert 40 * LINE > MAX_HEAD
    check = _check(server, "/many")
    assert check.outcome is not LinkOutcome.OK
    assert check.reason == "protocol"


def test_an_interim_answer_does_not_end_the_count(server: RawServer) -> None:
    check = _check(server, "/interim")
    assert check.outcome is not LinkOutcome.OK
    assert check.reason == "protocol"


def test_a_chain_whose_hops_pile_up_cookies_stops_at_the_first_oversized_block(
    server: RawServer,
) -> None:
    # Each hop's block alone is 720 KB (past the bound and one read of 256 KB): the jar
    # would have grown by that every hop.
    check = _check(server, "/cookies/0")
    assert check.outcome is not LinkOutcome.OK
    assert check.reason == "protocol"
    assert server.hits["/cookies/"] == 1


def test_a_real_pages_long_headers_still_pass(server: RawServer) -> None:
    check = _check(server, "/real")
    assert check.outcome is LinkOutcome.OK, check
