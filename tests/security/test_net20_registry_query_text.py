"""A reference's text that no URL can carry never crashes a registry's search.

Class: Crossref's bibliographic and journal searches put a reference's own text (its
title, first author, container, journal name) into a query string. A lone UTF-16
surrogate -- which a Python string may hold: an API caller's JSON, a CSL-JSON
``"\\ud800"`` escape, a reader that let one through -- cannot be encoded as UTF-8,
and httpx2 raised UnicodeEncodeError while building the request. That is no
transport error: it went past the channel and the resolver, and the resolution
phase (the whole audit) failed on one character of one entry. Now the query's text
is made encodable first (`encodable`: U+FFFD in its place), as every writer's is.

Instances: a high and a low surrogate, in the title, the author, the container and a
journal's name, alone and among other text; the other references of the run are
still resolved. The registry is a loopback stand-in, which records what it was sent.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.channel import Channel
from citeaudit.resolve.crossref import CrossrefRegistry
from citeaudit.resolve.enricher import build_resolver
from citeaudit.resolve.limiter import LocalLimiter
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.security.redteam_net_server import RawServer, answer


@pytest.fixture
def registry() -> Iterator[tuple[RawServer, list[str]]]:
    asked: list[str] = []

    def reply(sock: socket.socket, target: str) -> None:
        asked.append(target)
        body = json.dumps({"status": "ok", "message": {"items": []}}).encode()
        sock.sendall(answer("200 OK", [("Content-Type", "application/json")], body))

    server = RawServer({"/works": reply, "/journals": reply, "/api/handles": reply}).start()
    yield server, asked
    server.stop()


FIELDS = [
    {"title": "Hydrology of \ud800 basins"},
    {"title": "\udfff"},
    {"title": "Fine title", "authors": ("M\udc81ller",)},
    {"title": "Fine title", "container": "Journal of \ud83d Studies"},
    {"title": "Ends in a high surrogate \udbff"},
]


@pytest.mark.parametrize("fields", FIELDS, ids=range(len(FIELDS)))
def test_a_search_with_a_lone_surrogate_is_sent_with_a_replacement(
    registry: tuple[RawServer, list[str]], tmp_path: Path, fields: dict[str, object]
) -> None:
    server, asked = registry
    authors = fields.get("authors", ("Roe",))
    hostile = ref(
        "a",
        title=str(fields["title"]),
        authors=authors,  # type: ignore[arg-type]
        year=2020,
        container=fields.get("container"),  # type: ignore[arg-type]
    )
    benign = ref("b", title="A benign title", authors=("Smith",), year=2019)
    resolver = build_resolver(settings_for(server.url(""), tmp_path), policy=FAST_RETRY)
    try:
        run = resolver.resolve([hostile, benign])
    finally:
        resolver.close()
    assert run.done, run.reason
    assert sorted(run.resolutions) == ["a", "b"]
    assert all(r.state is not ResolutionState.FAILED for r in run.resolutions.values())
    queries = [parse_qs(urlsplit(t).query).get("query.bibliographic", [""])[0] for t in asked]
    assert any("\ufffd" in q for q in queries), queries
    assert any("benign" in q for q in queries)


@pytest.mark.parametrize("name", ["Acta \ud800", "\udc00\udc00", "Revue d\udfff\u00e9tudes"])
def test_a_journal_search_with_a_lone_surrogate_is_sent_with_a_replacement(
    registry: tuple[RawServer, list[str]], name: str
) -> None:
    server, asked = registry
    channel = Channel("crossref", LocalLimiter(1000.0, 4), policy=FAST_RETRY)
    crossref = CrossrefRegistry(channel, base_url=server.url(""), timeout=2.0)
    try:
        crossref.begin()
        found, titles = crossref.journal_titles(name)
    finally:
        crossref.close()
    assert titles == ()
    assert found.value == "found"
    assert any("%EF%BF%BD" in target for target in asked), asked
