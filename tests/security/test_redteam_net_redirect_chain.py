"""A followed redirect chain of the synchronous clients ends within one deadline.

Each exchange of the registry clients has a deadline (three timeouts), however slowly
its bytes come; but the Crossref client follows redirects, and each hop was an
exchange with a deadline of its own: six hops (five redirects) each answering just
inside it took six deadlines -- two minutes at the default 20 s timeout -- and each
of the request's retries as many again, one reference holding a worker past a
chunk's time limit. A whole `send` now ends within two exchanges' deadlines.
Counted: the hops the stand-in answered.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import httpx2
import pytest

from citeaudit.links.pinned import CHAIN_EXCHANGES, allowed, pinned_client2
from citeaudit.links.safety import AddressRule
from tests.security.redteam_net_server import RawServer

TIMEOUT = 0.2  # per read; the exchange's deadline is three of them
PIECE = 0.1  # each hop's answer comes in four pieces this far apart: inside the timeout


def _slow_redirect(sock: socket.socket, target: str) -> None:
    n = int(target.split("?", 1)[0].removeprefix("/hop"))
    head = (
        f"HTTP/1.1 302 Found\r\nLocation: /hop{n + 1}\r\nContent-Length: 0\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    step = len(head) // 4 + 1
    for i in range(0, len(head), step):
        time.sleep(PIECE)
        sock.sendall(head[i : i + step])


@pytest.fixture
def server() -> Iterator[RawServer]:
    s = RawServer({"/hop": _slow_redirect}).start()
    yield s
    s.stop()


def test_a_chain_of_slow_redirects_ends_within_the_chains_deadline(server: RawServer) -> None:
    rule = AddressRule(allowed_origins=allowed([server.url("")]))  # the registry's own origin
    client = pinned_client2(rule, timeout=TIMEOUT, follow_redirects=True, max_redirects=5)
    with client, pytest.raises(httpx2.TimeoutException):
        client.get(server.url("/hop0"))
    # Each hop takes 0.4 s of a 0.6 s exchange deadline; the chain has 1.2 s: the
    # third hop is cut (before: all six were answered, then "too many redirects").
    assert CHAIN_EXCHANGES * 3 * TIMEOUT < 6 * 4 * PIECE
    assert server.hits["/hop"] <= 4
