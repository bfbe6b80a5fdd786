"""A registry stand-in that answers with what no record is: each reference fails,
says why, and the run asks a bounded number of times.

Crossref's and DataCite's answers are read with bounds (`remote_json`: nesting,
objects, values; the clients' size and time bounds), but an answer refused there
was reported as "unexpected status 200" -- the registry's protocol blamed for a page
we would not read. It now says "unreadable answer". A nested Content-Encoding bomb
and a head sent a line at a time are failures of the registry's channel, not hangs.
Counted: the requests the stand-in received.
"""

from __future__ import annotations

import socket
import threading
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from citeaudit.model.resolution import ResolutionState
from citeaudit.remote_json import MAX_CONTAINERS, MAX_DEPTH
from citeaudit.resolve.enricher import build_resolver
from citeaudit.resolve.resolver import ResolveRun
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.security.redteam_net_server import RawServer, answer

JSON = [("Content-Type", "application/json")]
_release = threading.Event()


def _json(body: bytes) -> Callable[[socket.socket, str], None]:
    def handler(sock: socket.socket, target: str) -> None:
        sock.sendall(answer("200 OK", JSON, body))

    return handler


def _many_items() -> bytes:
    item = b'{"DOI":"10.1/x","title":["x"],"author":[]}'
    count = MAX_CONTAINERS // 2 + 10  # two containers an item: past the bound
    items = b",".join([item] * count)
    return b'{"status":"ok","message":{"total-results":1,"items":[' + items + b"]}}"


def _deep() -> bytes:
    depth = MAX_DEPTH * 4
    return b'{"status":"ok","message":' + b'{"a":' * depth + b"1" + b"}" * depth + b"}"


def _nested_gzip_bomb() -> Callable[[socket.socket, str], None]:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = packer.compress(b" " * (64 * 1024 * 1024)) + packer.flush()
    headers = [*JSON, ("Content-Encoding", "gzip, gzip, gzip")]

    def handler(sock: socket.socket, target: str) -> None:
        sock.sendall(answer("200 OK", headers, bomb))

    return handler


def _head_a_line_at_a_time(sock: socket.socket, target: str) -> None:
    sock.sendall(b"HTTP/1.1 200 OK\r\n")
    while not _release.wait(0.2):
        sock.sendall(b"X-Wait: 1\r\n")


ATTACKS = {
    "many-items": _json(_many_items()),
    "deep": _json(_deep()),
    "gzip-bomb": _nested_gzip_bomb(),
    "drip-head": _head_a_line_at_a_time,
}


@pytest.fixture(scope="module", params=list(ATTACKS))
def server(request: pytest.FixtureRequest) -> Iterator[RawServer]:
    s = RawServer({"/": ATTACKS[request.param]}).start()
    yield s
    _release.set()
    s.stop()
    _release.clear()


REFERENCES = [
    ref(
        f"r{i}",
        title=f"A distinct study of topic number {i}",
        authors=("Okoro",),
        year=2001,
        doi=f"10.1234/abc{i}" if i % 2 else None,
    )
    for i in range(6)
]


def _run(server: RawServer, cache: Path) -> ResolveRun:
    settings = settings_for(server.url(""), cache).model_copy(update={"registry_timeout": 1.0})
    resolver = build_resolver(settings, policy=FAST_RETRY)
    resolver.max_run_time = 60.0  # a hang guard only: every attack ends well before
    try:
        return resolver.resolve(REFERENCES)
    finally:
        resolver.close()


def test_a_hostile_registry_answer_fails_each_reference_with_its_reason(
    server: RawServer, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    run = _run(server, tmp_path / "cache")
    resolutions = run.resolutions.values()
    assert len(run.resolutions) == len(REFERENCES)
    assert all(r.state is ResolutionState.FAILED for r in resolutions)
    # A search, and a batch then one look-up per DOI, at most: no retry loop.
    assert sum(server.hits.values()) <= 2 * len(REFERENCES) + 1
    attack = request.node.callspec.params["server"]
    reasons = {r.reason or "" for r in resolutions}
    if attack in ("many-items", "deep"):
        assert all("unreadable answer" in reason for reason in reasons), reasons
    elif attack == "gzip-bomb":
        assert all("DecodingError" in reason for reason in reasons), reasons
    else:
        assert all("timeout" in reason for reason in reasons), reasons
