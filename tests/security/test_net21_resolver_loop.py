"""The DOI resolver's own loop: named as one, and sent once.

The link checker's trusted client follows the resolver's redirects (five at most). A
Handle API answering with a redirect to itself ended in httpx's `TooManyRedirects`,
which the links' one exception reading (`errors.reason_for`) did not know: the DOI was
"resolver-http-error" -- "the DOI resolver could not be asked (http-error)", a reader
left to guess. It is "resolver-too-many-redirects", the link checker's own word for a
chain past its bound, and the chain is not sent again (a loop is the same loop).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator

import pytest

from citeaudit.links import errors
from citeaudit.links.checker import LinkChecker
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.redteam_net_server import RawServer, answer
from tests.security.test_ssrf_hops import SERVICE


@pytest.fixture
def looping_resolver() -> Iterator[RawServer]:
    def handles(sock: socket.socket, target: str) -> None:
        sock.sendall(answer("302 Found", [("Location", target)]))

    server = RawServer({"/api/handles/": handles}).start()
    yield server
    server.stop()


def _check(resolver: RawServer, doi: str) -> LinkCheck:
    async def go() -> LinkCheck:
        async with LinkChecker(
            SERVICE, doi_url=resolver.url(""), archive_url=None, probe_urls=()
        ) as checker:
            return (await checker.check_all([target_for(doi)]))[0]

    return asyncio.run(go())


def test_a_resolver_loop_is_named_and_sent_once(looping_resolver: RawServer) -> None:
    check = _check(looping_resolver, "10.1000/loop")
    assert check.outcome is LinkOutcome.UNVERIFIED
    assert check.reason == "resolver-too-many-redirects", check.reason
    assert looping_resolver.hits["/api/handles/"] == 6  # one chain: 1 + five redirects


@pytest.mark.parametrize("lib", ["httpx", "httpx2"])
def test_the_one_reading_knows_a_loop(lib: str) -> None:
    module = __import__(lib)
    assert errors.reason_for(module.TooManyRedirects("loop")) == "too-many-redirects"
