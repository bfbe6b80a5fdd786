"""The link phase's trusted client (the DOI resolver, the archive) stops reading an
answer in one-byte chunks after a few thousand of them.

Before: the trusted client (aiohttp under `PerHostTransport._bounded`) bounded an
answer's payload (2 MB) and its time, not its pieces; aiohttp hands every chunk of
a chunked answer to Python on the event loop -- the one thread of every link of the
phase. One-byte chunks made 4 MB on the wire 0.72 s of the loop (4 KB chunks: 0.02
s), and a 2 MB answer of them is 12 MB of wire, about 2 s a DOI. A Handle record
padded with blanks and so sent was read whole and the DOI found registered. Now the
answer is read a chunk at a time and refused past `pinned.FREE_PIECES` chunks of
under `MIN_PIECE` bytes on average (0.72 s -> 0.03 s).

Counted, not timed: the chunk ends aiohttp's parser reported, and the verdict.
"""

from __future__ import annotations

import asyncio
import json
import socket

import pytest
from aiohttp.streams import StreamReader

from citeaudit.links.checker import LinkChecker
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.redteam_net_server import RawServer, answer, chunked, loopback_policy

PADDING = 200_000  # blanks inside the record: as many one-byte chunks


class HandleServer:
    """A Handle API whose record (chunked `size` bytes a chunk) names a landing page
    on the same stand-in, which answers 200."""

    def __init__(self, size: int) -> None:
        def record(sock: socket.socket, target: str) -> None:
            value = {"value": f"{self.url}/landing"}
            text = json.dumps(
                {
                    "responseCode": 1,
                    "handle": "10.1000/x",
                    "values": [{"type": "URL", "data": value}],
                }
            )
            body = (text[:-1] + " " * PADDING + "}").encode()
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            head += b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            sock.sendall(head + chunked(body, size))  # OSError: the client stopped reading

        def landing(sock: socket.socket, target: str) -> None:
            sock.sendall(
                answer("200 OK", [("Content-Type", "text/html")], b"<title>landing</title>")
            )

        self._raw = RawServer({"/api/handles/": record, "/": landing}).start()
        self.url = self._raw.url("")

    def stop(self) -> None:
        self._raw.stop()


@pytest.fixture
def chunk_ends(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many HTTP chunks aiohttp's parser handed to Python."""
    counted = [0]
    original = StreamReader.end_http_chunk_receiving

    def end(self: StreamReader) -> None:
        counted[0] += 1
        original(self)

    monkeypatch.setattr(StreamReader, "end_http_chunk_receiving", end)
    return counted


def _check(server: HandleServer) -> LinkCheck:
    async def go() -> LinkCheck:
        async with LinkChecker(
            loopback_policy(probe_timeout=10.0),
            doi_url=server.url,
            probe_urls=[server.url + "/"],
        ) as checker:
            return (await checker.check_all([target_for("10.1000/x")]))[0]

    return asyncio.run(go())


def test_a_handle_record_in_one_byte_chunks_is_refused_early(chunk_ends: list[int]) -> None:
    server = HandleServer(1)
    try:
        check = _check(server)
    finally:
        server.stop()
    assert chunk_ends[0] < PADDING // 2, f"{chunk_ends[0]} chunks handed to Python"
    assert check.outcome is LinkOutcome.UNVERIFIED
    assert check.reason == "resolver-read"


def test_the_same_record_in_4_kb_chunks_is_read(chunk_ends: list[int]) -> None:
    """Guard: ordinary chunking is untouched (the DOI registered, its page checked)."""
    server = HandleServer(4096)
    try:
        check = _check(server)
    finally:
        server.stop()
    assert check.outcome is LinkOutcome.OK, check
    assert chunk_ends[0] < 100
