"""A registry's answer in one-byte chunks is refused after a few thousand pieces, not
parsed for the exchange's whole deadline.

Before: the pinned clients (doi.org's Handle API and DataCite on httpx, Crossref
through habanero on httpx2, the webhook and habanero fallback clients) bounded an
answer's bytes and its time, not its pieces. h11 parses each chunk of a chunked
answer in Python (about 12 us apiece), and so does every layer above it for each
piece: one-byte chunks made 4 MB on the wire 680,000 pieces and 7.9 s of a registry
thread's CPU -- holding the interpreter's lock, so the process's other threads too --
where the same bytes in 4 KB chunks took 0.04 s; an answer of `MAX_BODY` such chunks
ran to the exchange's deadline. Now, past `FREE_PIECES` pieces an answer's pieces
must average `MIN_PIECE` bytes, else it is refused as too large (7.9 s -> 0.04 s).

Counted, not timed: the h11 events the client parsed, and the answer's fate. A
document padded with blanks (valid JSON) in one-byte chunks was read and resolved
before; the same document in 4 KB chunks is still resolved (guard).
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import h11
import httpx
import httpx2
import pytest

from citeaudit.links.pinned import pinned_client, pinned_client2
from citeaudit.links.safety import AddressRule, allowed
from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.enricher import build_resolver
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.security.redteam_net_server import RawServer, chunked

PADDING = 60_000  # blanks before the document's closing brace: as many one-byte chunks
BOUND = 4096 + 64  # `pinned.FREE_PIECES` and the head's events, once the diff is in


def _document(doi: str) -> bytes:
    attributes = {
        "doi": doi,
        "titles": [{"title": "A dataset"}],
        "creators": [{"familyName": "Roe", "givenName": "A"}],
        "publicationYear": 2019,
        "types": {"resourceTypeGeneral": "Dataset"},
    }
    text = json.dumps({"data": {"id": doi, "attributes": attributes}})
    return (text[:-1] + " " * PADDING + "}").encode()


class ChunkServer:
    """Answers every GET with a DataCite document, chunked `size` bytes a chunk."""

    def __init__(self, size: int) -> None:
        def datacite(sock: socket.socket, target: str) -> None:
            doi = target.removeprefix("/dois/")
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            head += b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            sock.sendall(head + chunked(_document(doi), size))  # OSError: the client gave up

        self._raw = RawServer({"/": datacite}).start()
        self.url = self._raw.url("")

    def stop(self) -> None:
        self._raw.stop()


@pytest.fixture
def slivers() -> Iterator[ChunkServer]:
    s = ChunkServer(1)
    yield s
    s.stop()


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many h11 events the clients parsed (one a chunk, and a few a head)."""
    counted = [0]
    lock = threading.Lock()
    original = h11.Connection.next_event

    def next_event(self: h11.Connection) -> object:
        with lock:
            counted[0] += 1
        return original(self)

    monkeypatch.setattr(h11.Connection, "next_event", next_event)
    return counted


def _resolved(url: str, tmp_path: Path) -> ResolutionState:
    refs = [ref("d", title="A dataset", authors=("Roe, A.",), doi="10.5281/zenodo.7")]
    resolver = build_resolver(settings_for(url, tmp_path / "c"), policy=FAST_RETRY)
    try:
        run = resolver.resolve(refs)
    finally:
        resolver.close()
    return run.resolutions["d"].state


def test_a_datacite_answer_in_one_byte_chunks_is_refused_early(
    slivers: ChunkServer, events: list[int], tmp_path: Path
) -> None:
    state = _resolved(slivers.url, tmp_path)
    # The stand-in is every registry: DataCite refused, the DOI is asked of the
    # Handle API (and Crossref) too, each answer cut at the bound.
    assert events[0] <= 3 * BOUND, f"{events[0]} h11 events parsed for one DOI"
    assert state is not ResolutionState.RESOLVED


@pytest.mark.parametrize(
    ("factory", "error"),
    [(pinned_client, httpx.ReadError), (pinned_client2, httpx2.ReadError)],
    ids=["httpx", "httpx2"],
)
def test_a_pinned_client_stops_reading_slivers(
    slivers: ChunkServer, events: list[int], factory: object, error: type[Exception]
) -> None:
    """Every pinned client (registries, habanero, webhooks) reads through one bound."""
    rule = AddressRule(allowed_origins=allowed([slivers.url]))
    with (
        factory(rule, timeout=10.0) as client,  # type: ignore[operator]
        pytest.raises(error, match="pieces"),
    ):
        client.get(f"{slivers.url}/dois/10.5281/zenodo.7").read()
    assert events[0] <= BOUND, f"{events[0]} h11 events parsed for one answer"


def test_the_same_answer_in_4_kb_chunks_still_resolves(events: list[int], tmp_path: Path) -> None:
    """Guard: ordinary chunking is untouched (15 chunks, resolved)."""
    server = ChunkServer(4096)
    try:
        state = _resolved(server.url, tmp_path)
    finally:
        server.stop()
    assert state is ResolutionState.RESOLVED
    assert events[0] < 200
