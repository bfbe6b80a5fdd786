"""The address rule reads a URL's host as the client that sends it does, and a URL no
check can read is never sent, on the first hop as on every other.

``http://[x\\@127.0.0.1:6379/`` is no URL to Python's ``urlsplit`` (an unclosed
bracket) and names the host ``[x`` to the WHATWG reading (a backslash ends the
authority); httpx, which sends every link, reads the user name ``[x\\`` and the host
127.0.0.1. `AddressRule.url_refusal` read only the first two, so it passed such a URL
as naming no address; and a DOI's landing page, named by its handle record (a
stranger's text), was fetched even when `url_problem` found it unreadable: httpx sent it
wherever it read the host. The connection's own check (`PerHostTransport.exchange`)
still refused a private address; what reached a public one was a request no rule
had read.

127.0.0.2 plays the public web, 127.0.0.1 the service's own network.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Iterator

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.safety import AddressRule, url_hosts
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.redteam_net_server import RawServer, answer
from tests.security.test_ssrf_hops import SERVICE, Hops, only_127_0_0_2_is_public
from tests.stand_ins.judged_transport import judged_by
from tests.stand_ins.private_service import PrivateService

HIDDEN = [
    "http://[x\\@127.0.0.1:6379/",
    "http://[a\\@127.1/x",
    "http://[@0/",
    "http://[200\\127ff@0x7f.1/",
    "http://[x\\@[::1]/",
    "http://[x\\@169.254.169.254/latest/meta-data/",
]


@pytest.mark.parametrize("url", HIDDEN)
def test_the_rule_reads_the_host_httpx_sends_to(url: str) -> None:
    assert AddressRule().url_refusal(url) is not None, url_hosts(url)


@pytest.mark.parametrize("url", HIDDEN)
def test_a_redirect_to_such_a_location_is_refused(url: str) -> None:
    assert AddressRule().redirect_refusal(url, url) is not None


@pytest.mark.parametrize("url", ["http://example.org/", "https://user@example.org/x"])
def test_a_public_url_is_still_passed(url: str) -> None:
    assert AddressRule().url_refusal(url) is None


def _resolver_naming(target: str) -> RawServer:
    record = {"responseCode": 1, "values": [{"type": "URL", "data": {"value": target}}]}
    body = json.dumps(record).encode()

    def handles(sock: socket.socket, path: str) -> None:
        sock.sendall(answer("200 OK", [("Content-Type", "application/json")], body))

    return RawServer({"/api/handles/": handles}).start()


@pytest.fixture
def resolver_to() -> Iterator[list[RawServer]]:
    started: list[RawServer] = []
    yield started
    for server in started:
        server.stop()


def _check_doi(resolver: RawServer, doi: str) -> LinkCheck:
    async def go() -> LinkCheck:
        transport = judged_by(only_127_0_0_2_is_public, SERVICE)
        async with LinkChecker(
            SERVICE,
            doi_url=resolver.url(""),
            archive_url=None,
            probe_urls=(),
            transport=transport,
        ) as checker:
            return (await checker.check_all([target_for(doi)]))[0]

    return asyncio.run(go())


def test_an_unreadable_landing_page_is_not_sent(public: Hops, resolver_to: list[RawServer]) -> None:
    host, port = public.url.removeprefix("http://").split(":")
    resolver = _resolver_naming(f"http://[200\\@{host}:{port}/landing")
    resolver_to.append(resolver)
    check = _check_doi(resolver, "10.1000/hidden-host")
    assert resolver.hits["/api/handles/"] == 1
    assert public.paths == []
    # The DOI is registered; its landing page was not asked (never called broken).
    assert check.outcome is not LinkOutcome.BROKEN


def test_an_unreadable_landing_page_naming_the_network_is_not_sent(
    intranet: PrivateService, resolver_to: list[RawServer]
) -> None:
    resolver = _resolver_naming(f"http://[200\\@127.0.0.1:{intranet.port}/admin")
    resolver_to.append(resolver)
    check = _check_doi(resolver, "10.1000/hidden-intranet")
    assert intranet.contacts == 0
    assert check.outcome is not LinkOutcome.OK
