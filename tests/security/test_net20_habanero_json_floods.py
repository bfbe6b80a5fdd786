"""No Crossref answer is parsed past the bounds of a record, habanero's parse included.

Class: `remote_json.loads` refuses an answer holding more objects, arrays or values
than any record (`MAX_CONTAINERS`, `MAX_SEPARATORS`) *before* parsing it: ``json.loads``
builds 50 to 230 bytes of objects for each ``{}`` of 3. But Crossref's answers reach
habanero first, and habanero calls the response's own ``json()`` -- the standard
parser, unbounded -- before handing it back: a 14 MB answer of ``{},{},...`` (from a
stand-in registry, or from any public host Crossref's redirect reaches) took the
worker from 90 MB to 480 MB and 3.7 s of CPU per look-up in flight, refused only after.
Now the response habanero reads parses through `remote_json.loads` too.

Instances: each flood shape (objects, arrays, values) padding an otherwise good
answer, for each kind of Crossref request habanero sends (a single work, a batch of
works, a bibliographic search, a journal search). The standard parser is watched: no
call of it may be handed a body past the bounds.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from citeaudit import remote_json
from citeaudit.resolve.channel import Channel
from citeaudit.resolve.crossref import CrossrefRegistry
from citeaudit.resolve.limiter import LocalLimiter
from tests.resolve.conftest import FAST_RETRY, ref
from tests.security.redteam_net_server import RawServer, answer

FLOODS = {
    "objects": b"{}," * (remote_json.MAX_CONTAINERS + 1),
    "arrays": b"[]," * (remote_json.MAX_CONTAINERS + 1),
    "values": b"1," * (remote_json.MAX_SEPARATORS + 1),
}

RECORD = {"message": {"items": [], "DOI": "10.1000/x", "title": ["A"]}}


def padded(flood: bytes) -> bytes:
    head = json.dumps(RECORD).encode()
    return head[:-1] + b', "pad": [' + flood + b"0]}"


@pytest.fixture
def parsed_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every text the standard JSON parser is handed (it still parses)."""
    sizes: list[int] = []
    real = json.loads

    def watched(text: Any, **kwargs: Any) -> Any:
        sizes.append(len(text))
        return real(text, **kwargs)

    monkeypatch.setattr(json, "loads", watched)
    return sizes


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    def flood_of(shape: str) -> Callable[[socket.socket, str], None]:
        body = padded(FLOODS[shape])

        def send(sock: socket.socket, target: str) -> None:
            sock.sendall(answer("200 OK", [("Content-Type", "application/json")], body))

        return send

    s = RawServer({f"/{shape}/": flood_of(shape) for shape in FLOODS}).start()
    yield s
    s.stop()


ASKS: dict[str, Callable[[CrossrefRegistry], object]] = {
    "work": lambda c: c.work("10.1000/x"),
    "batch": lambda c: c.batch(["10.1000/x", "10.1000/y"]),
    "search": lambda c: c.search(ref("r", title="A title", authors=("Roe",), year=2020)),
    "journal": lambda c: c.journal_titles("Journal of Things"),
}


@pytest.mark.parametrize("ask", list(ASKS))
@pytest.mark.parametrize("shape", list(FLOODS))
def test_a_flooded_crossref_answer_is_never_parsed_whole(
    server: RawServer, parsed_sizes: list[int], shape: str, ask: str
) -> None:
    # The stand-in answers every path under /<shape>/ with that flood.
    channel = Channel("crossref", LocalLimiter(1000.0, 4), policy=FAST_RETRY)
    crossref = CrossrefRegistry(channel, base_url=server.url(f"/{shape}"), timeout=5.0)
    try:
        crossref.begin()
        ASKS[ask](crossref)
    finally:
        crossref.close()
    assert server.hits[f"/{shape}/"] >= 1
    flood = len(FLOODS[shape])
    assert all(size < flood for size in parsed_sizes), sorted(parsed_sizes)[-3:]
