"""Compressed registry answers: bounded when we inflate them, refused when we do not.

The registries' clients ask for gzip and deflate only, and inflate them with a bound
(`links.pinned._Bounded`); an answer in any other coding (brotli, zstd, a stack of
codings) is refused as undecodable, never handed to a decoder without a bound. Each
of doi.org, DataCite and Crossref is run against a loopback stand-in answering each
such body: every look-up ends as "could not ask", none raises, and a small answer in
a coding we read is still read.
"""

from __future__ import annotations

import gzip
import socket
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.channel import Channel
from citeaudit.resolve.doi import HandleRegistry
from citeaudit.resolve.enricher import build_resolver
from citeaudit.resolve.interface import Answer
from citeaudit.resolve.limiter import LocalLimiter
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.security.redteam_net_server import RawServer, answer

RECORD = b'{"responseCode": 1, "values": []}'
REFUSED = {
    "gzip-bomb": ("gzip", gzip.compress(b" " * (64 * 1024 * 1024))),
    "deflate-bomb": ("deflate", zlib.compress(b"[" * (32 * 1024 * 1024))),
    "brotli": ("br", b"\x1b\x00" * 16),
    "zstd": ("zstd", b"(\xb5/\xfd" + b"\x00" * 16),
    "stacked": ("gzip, gzip", gzip.compress(gzip.compress(RECORD))),
    "identity-then-br": ("identity, br", RECORD),
}
READ = {
    "upper-case-gzip": ("GZIP", gzip.compress(RECORD)),
    "x-gzip": ("x-gzip", gzip.compress(RECORD)),
}


def _route(coding: str, body: bytes) -> Any:
    def send(sock: socket.socket, target: str) -> None:
        headers = [("Content-Type", "application/json"), ("Content-Encoding", coding)]
        sock.sendall(answer("200 OK", headers, body))

    return send


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    routes = {f"/{name}/": _route(*spec) for name, spec in {**REFUSED, **READ}.items()}
    s = RawServer(routes).start()
    yield s
    s.stop()


@pytest.mark.parametrize("name", list(REFUSED))
def test_an_answer_we_cannot_inflate_within_bounds_is_no_answer(
    server: RawServer, name: str, tmp_path: Path
) -> None:
    handle = HandleRegistry(
        Channel("t", LocalLimiter(100, 4), policy=FAST_RETRY), base_url=server.url(f"/{name}")
    )
    try:
        assert handle.lookup("10.1000/x").answer is Answer.UNAVAILABLE
    finally:
        handle.close()
    resolver = build_resolver(
        settings_for(server.url(f"/{name}"), tmp_path / "c"), policy=FAST_RETRY
    )
    try:
        run = resolver.resolve([ref("d", title="A", doi="10.1000/y")])
    finally:
        resolver.close()
    assert run.resolutions["d"].state is ResolutionState.FAILED


@pytest.mark.parametrize("name", list(READ))
def test_a_small_answer_in_a_coding_we_read_is_read(server: RawServer, name: str) -> None:
    handle = HandleRegistry(
        Channel("t", LocalLimiter(100, 4), policy=FAST_RETRY), base_url=server.url(f"/{name}")
    )
    try:
        assert handle.lookup("10.1000/x").answer is Answer.FOUND
    finally:
        handle.close()
