"""A registry's or the resolver's JSON answer cannot cost more memory than a record.

Before: only nesting was bounded. ``json.loads`` builds an object of 50 to 230 bytes
for each ``{}`` of 3 bytes, so a registry answer of 16 MB (`pinned.MAX_BODY`) of
``[{},{},...]`` took 785 MB of the worker, once per look-up in flight, and a Handle
record padded the same way (2 MB, the trusted client's bound) about 100 MB of the
link checker. Now an answer with more objects and arrays than `MAX_CONTAINERS`, or
more commas than `MAX_SEPARATORS`, is refused before it is parsed: an answer we
cannot use, as any unreadable one.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit import remote_json
from citeaudit.links.checker import LinkChecker
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.channel import Channel
from citeaudit.resolve.datacite import DataCiteRegistry
from citeaudit.resolve.doi import HandleRegistry
from citeaudit.resolve.enricher import build_resolver
from citeaudit.resolve.interface import Answer
from citeaudit.resolve.limiter import LocalLimiter
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.security.redteam_net_server import RawServer, answer, loopback_policy

POLICY = loopback_policy(probe_timeout=2.0)

# Just past each bound: what an answer of the worst shape holds in well under 2 MB.
FLOODS = {
    "objects": b"{}," * (remote_json.MAX_CONTAINERS + 1),
    "arrays": b"[]," * (remote_json.MAX_CONTAINERS + 1),
    "values": b"1," * (remote_json.MAX_SEPARATORS + 1),
}

# A record every reader takes as found (Handle's, DataCite's and Crossref's shapes at
# once), with the flood as one more field.
RECORD = {
    "responseCode": 1,
    "values": [{"type": "URL", "data": {"value": "https://journal.example/a"}}],
    "data": {"id": "10.1000/x", "attributes": {"doi": "10.1000/x", "titles": [{"title": "A"}]}},
    "message": {"items": [], "DOI": "10.1000/x", "title": ["A"]},
}


def padded(flood: bytes) -> bytes:
    head = json.dumps(RECORD).encode()
    return head[:-1] + b', "pad": [' + flood + b"0]}"


@pytest.mark.parametrize("shape", list(FLOODS))
def test_a_flood_of_values_is_refused_before_it_is_parsed(shape: str) -> None:
    with pytest.raises(ValueError):
        remote_json.loads(padded(FLOODS[shape]))
    with pytest.raises(ValueError):
        remote_json.loads(padded(FLOODS[shape]).decode())


def test_a_large_ordinary_page_of_records_is_read() -> None:
    """A Crossref batch page (a URL's worth of DOIs) with a hundred authors each."""
    author = {"given": "A, B", "family": "C", "sequence": "additional", "affiliation": []}
    item = {
        "DOI": "10.1000/x",
        "title": ["T"],
        "author": [author] * 100,
        "issued": {"date-parts": [[2020, 1, 2]]},
        "container-title": ["J"],
    }
    page = json.dumps({"message": {"items": [item] * 200}})
    assert len(remote_json.loads(page)["message"]["items"]) == 200


def _json(body: bytes) -> object:
    def send(sock: socket.socket, target: str) -> None:
        sock.sendall(answer("200 OK", [("Content-Type", "application/json")], body))

    return send


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    routes = {f"/{shape}": _json(padded(flood)) for shape, flood in FLOODS.items()}
    s = RawServer(routes).start()  # type: ignore[arg-type]
    yield s
    s.stop()


@pytest.mark.parametrize("shape", list(FLOODS))
def test_handle_and_datacite_records_padded_with_a_flood_are_unavailable(
    server: RawServer, shape: str
) -> None:
    url = server.url(f"/{shape}")
    handle = HandleRegistry(Channel("t", LocalLimiter(100, 4), policy=FAST_RETRY), base_url=url)
    datacite = DataCiteRegistry(Channel("t", LocalLimiter(100, 4), policy=FAST_RETRY), base_url=url)
    try:
        assert handle.lookup("10.1000/x").answer is Answer.UNAVAILABLE
        assert datacite.work("10.1000/x").answer is Answer.UNAVAILABLE
    finally:
        handle.close()
        datacite.close()


@pytest.mark.parametrize("shape", list(FLOODS))
def test_crossref_answers_padded_with_a_flood_resolve_nothing(
    server: RawServer, shape: str, tmp_path: Path
) -> None:
    url = server.url(f"/{shape}")
    resolver = build_resolver(settings_for(url, tmp_path / "c"), policy=FAST_RETRY)
    try:
        run = resolver.resolve([ref("d", title="A", doi="10.1000/x")])
    finally:
        resolver.close()
    assert run.resolutions["d"].state is not ResolutionState.RESOLVED


@pytest.mark.parametrize("shape", list(FLOODS))
def test_a_handle_record_padded_with_a_flood_leaves_the_doi_unverified(
    server: RawServer, shape: str
) -> None:
    async def go() -> LinkCheck:
        async with LinkChecker(
            POLICY, doi_url=server.url(f"/{shape}"), probe_urls=[server.url("/")]
        ) as checker:
            return (await checker.check_all([target_for("10.1000/x")]))[0]

    check = asyncio.run(go())
    assert check.outcome is LinkOutcome.UNVERIFIED
    assert check.reason is not None and check.reason.startswith("resolver-")
