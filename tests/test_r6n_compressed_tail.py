"""A compressed answer's bound counts the bytes that arrive, not only what they inflate to.

The registries' clients (and any pinned client that reads a body) decompress gzip and
deflate themselves, bounded by ``max_body`` (`links.pinned._Bounded`): a gzip bomb
stops at the bound. But the bound was on the inflated output alone. A gzip stream
that ends ("{}") followed by megabytes of anything else inflates to nothing more:
every further chunk was handed to the finished decompressor, which keeps it as its
``unused_data`` and copies it whole on each call. 50 MB in 64 KB chunks held one
worker's CPU for 54 s and its memory grew by all of it, until the exchange's deadline
(three registry timeouts); the answer then came back as if whole. Now what arrives
counts against the bound too (a compressed answer is smaller than the one it
inflates to), and nothing past the end of the compressed stream is fed to zlib.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import zlib
from collections.abc import Iterator

import httpx
import pytest

from citeaudit.links.pinned import AnswerTooLarge, allowed, pinned_client
from citeaudit.links.safety import AddressRule

CAP = 256 * 1024
TAIL = 4 * CAP  # sent after the compressed stream ends


def _answer(coding: str, body: bytes) -> bytes:
    head = (
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        f"Content-Encoding: {coding}\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


def _deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 15)
    return packer.compress(data) + packer.flush()


BODIES = {
    "gzip-then-tail": ("gzip", gzip.compress(b"{}") + b"\0" * TAIL),
    "deflate-then-tail": ("deflate", _deflate(b"{}") + b"\0" * TAIL),
    "gzip-members": ("gzip", gzip.compress(b"{}") * (TAIL // 20)),
}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    sock = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            with conn:
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                name = data.split(b" ", 2)[1].decode("ascii").strip("/")
                coding, body = BODIES[name]
                with contextlib.suppress(OSError):
                    conn.sendall(_answer(coding, body))

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    stop.set()
    sock.close()


@pytest.mark.parametrize("name", sorted(BODIES))
def test_what_arrives_past_the_compressed_stream_counts_against_the_bound(
    server: str, name: str
) -> None:
    rule = AddressRule(allowed_origins=allowed([server]))
    with (
        pinned_client(rule, timeout=10.0, max_body=CAP) as client,
        pytest.raises(httpx.ReadError) as caught,
    ):
        client.get(f"{server}/{name}")  # before: 200, "{}", the tail read whole
    assert isinstance(caught.value, AnswerTooLarge)


def test_an_answer_inside_the_bound_still_inflates(server: str) -> None:
    """A compressed answer whose bytes and inflated text are inside the bound reads as
    before."""
    rule = AddressRule(allowed_origins=allowed([server]))
    small = {"small": ("gzip", gzip.compress(b'{"ok": true}' + b" " * 1000))}
    BODIES.update(small)
    try:
        with pinned_client(rule, timeout=10.0, max_body=CAP) as client:
            response = client.get(f"{server}/small")
        assert response.json() == {"ok": True}
    finally:
        del BODIES["small"]
