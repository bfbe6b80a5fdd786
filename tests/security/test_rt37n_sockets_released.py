"""Links that fail every way a hostile server can make them fail leave no socket open.

A link phase of many failures -- a stalled body, a chunk size past any bound, a
header block of blank lines, a connection closed half-way -- must give back every
connection it made: a worker runs phase after phase, and a socket kept per failure
ends in "too many open files", which every later link would then read as its own
failure. Counted from the process's own sockets (/proc), the stand-in still holding
its side of every stalled exchange when the count is taken.
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkOutcome
from tests.security.redteam_net_server import RawServer, loopback_policy

pytestmark = pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs /proc")

POLICY = loopback_policy(read_timeout=1.0, total_timeout=1.0, concurrency=16, per_host=16)
LINKS_PER_ATTACK = 40
_release = threading.Event()


def _stalled_404(sock: socket.socket, target: str) -> None:
    sock.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 500\r\n\r\n<html>")
    _release.wait(30)


def _huge_chunk(sock: socket.socket, target: str) -> None:
    sock.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\nab")
    _release.wait(30)


def _blank_lines(sock: socket.socket, target: str) -> None:
    sock.sendall(b"\r\n" * 300_000)
    _release.wait(30)


def _half_closed(sock: socket.socket, target: str) -> None:
    sock.shutdown(socket.SHUT_WR)
    _release.wait(30)


def _silent(sock: socket.socket, target: str) -> None:
    _release.wait(30)


ROUTES = {
    "/stalled-404": _stalled_404,
    "/huge-chunk": _huge_chunk,
    "/blank-lines": _blank_lines,
    "/half-closed": _half_closed,
    "/silent": _silent,
}


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    s = RawServer(dict(ROUTES)).start()
    yield s
    _release.set()
    s.stop()


def _sockets_to(port: int) -> int:
    """This process's TCP sockets whose remote end is `port` on loopback."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            link = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if link.startswith("socket:["):
            inodes.add(link[8:-1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            remote_port = int(fields[2].rsplit(":", 1)[1], 16)
            if remote_port == port and fields[9] in inodes:
                count += 1
    return count


def test_every_failed_exchange_gives_its_socket_back(server: RawServer) -> None:
    urls = [server.url(f"{path}?n={i}") for i in range(LINKS_PER_ATTACK) for path in ROUTES]
    held_inside: list[int] = []

    async def go() -> list[tuple[str, LinkOutcome]]:
        async with LinkChecker(
            POLICY, doi_url=server.url("/"), archive_url=None, probe_urls=[server.url("/")]
        ) as checker:
            checks = await checker.check_all([target_for(url) for url in urls])
            held_inside.append(_sockets_to(server.port))
            return [(check.url, check.outcome) for check in checks]

    outcomes = asyncio.run(go())
    # Only a 404 is a verdict (or a timeout on a loaded machine); every other attack is
    # unverified, never broken.
    assert len(outcomes) == len(urls)
    assert all(
        outcome is LinkOutcome.UNVERIFIED for url, outcome in outcomes if "/stalled-404" not in url
    )
    # A failed exchange's connection is not kept for reuse (at most the pool's few).
    assert held_inside[0] <= POLICY.per_host + 2
    assert _sockets_to(server.port) == 0  # and none outlives the checker
    # No retry of ours; aiohttp asks once more when a kept connection was closed.
    assert sum(server.hits[path] for path in ROUTES) <= 2 * len(urls)
