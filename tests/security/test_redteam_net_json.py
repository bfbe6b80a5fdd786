"""A registry, the DOI resolver or the archive answering deeply nested JSON is an
unusable answer, not a crashed audit.

``json.loads`` raises RecursionError (not ValueError) past about a thousand levels:
``[[[[...`` of a few kilobytes crashed the resolution phase (Handle, DataCite,
Crossref through habanero) and the link phase (a DOI's handle record, the archive's
answer for a broken link), failing the audit. Answers nested past
`remote_json.MAX_DEPTH` but still parseable are refused too, so no later recursive
step meets them.
"""

from __future__ import annotations

import asyncio
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

POLICY = loopback_policy(archive=True, probe_timeout=2.0)
# Past the parser's recursion limit, and parseable but past MAX_DEPTH.
BODIES = {
    "/deep/": b"[" * 200_000,
    "/nested/": b'{"a":' * (remote_json.MAX_DEPTH + 5) + b"1" + b"}" * (remote_json.MAX_DEPTH + 5),
}


def _json(body: bytes) -> object:
    def send(sock: socket.socket, target: str) -> None:
        sock.sendall(answer("200 OK", [("Content-Type", "application/json")], body))

    return send


def _gone(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("404 Not Found", [("Content-Type", "text/html")], b"gone"))


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    routes = {path: _json(body) for path, body in BODIES.items()}
    s = RawServer({**routes, "/gone": _gone, "/": _gone}).start()  # type: ignore[dict-item]
    yield s
    s.stop()


@pytest.mark.parametrize("route", list(BODIES))
def test_handle_and_datacite_answers_nested_too_deep_are_unavailable(
    server: RawServer, route: str
) -> None:
    handle = HandleRegistry(
        Channel("t", LocalLimiter(100, 4), policy=FAST_RETRY), base_url=server.url(route)
    )
    datacite = DataCiteRegistry(
        Channel("t", LocalLimiter(100, 4), policy=FAST_RETRY), base_url=server.url(route)
    )
    try:
        assert handle.lookup("10.1000/x").answer is Answer.UNAVAILABLE
        assert datacite.work("10.1000/x").answer is Answer.UNAVAILABLE
    finally:
        handle.close()
        datacite.close()


@pytest.mark.parametrize("route", list(BODIES))
def test_crossref_answers_nested_too_deep_resolve_nothing(
    server: RawServer, route: str, tmp_path: Path
) -> None:
    resolver = build_resolver(settings_for(server.url(route), tmp_path / "c"), policy=FAST_RETRY)
    try:
        run = resolver.resolve([ref("q", title="Deep learning", authors=("LeCun, Y.",), year=2015)])
    finally:
        resolver.close()
    assert run.resolutions["q"].state is not ResolutionState.RESOLVED


def _links(server: RawServer, route: str, value: str) -> LinkCheck:
    async def go() -> LinkCheck:
        async with LinkChecker(
            POLICY,
            doi_url=server.url(route.rstrip("/")),
            archive_url=server.url(route + "available"),
            probe_urls=[server.url("/")],
        ) as checker:
            return (await checker.check_all([target_for(value)]))[0]

    return asyncio.run(go())


@pytest.mark.parametrize("route", list(BODIES))
def test_a_handle_record_nested_too_deep_leaves_the_doi_unverified(
    server: RawServer, route: str
) -> None:
    check = _links(server, route, "10.1234/abc")
    assert check.outcome is LinkOutcome.UNVERIFIED
    assert check.reason is not None and check.reason.startswith("resolver-")


@pytest.mark.parametrize("route", list(BODIES))
def test_an_archive_answer_nested_too_deep_suggests_nothing(server: RawServer, route: str) -> None:
    check = _links(server, route, server.url("/gone"))
    assert check.outcome is LinkOutcome.BROKEN
    assert check.archive_url is None


def test_ordinary_records_are_read() -> None:
    record = (
        b'{"responseCode": 1, "values": [{"type": "URL", "data": {"value": "https://x.org/"}}]}'
    )
    assert remote_json.loads(record)["values"][0]["data"]["value"] == "https://x.org/"
    with pytest.raises(ValueError, match="nested"):
        remote_json.loads(BODIES["/nested/"])
