"""With private networks allowed (the CLI), a redirect chain that has been public never
goes private: in any spelling of the private host, on any `Fetcher`, by no header
but a redirect's Location.

- The chain rule was tested with ``http://127.0.0.1:<port>/`` only; each spelling of
  loopback a public hop may redirect to (``127.1``, ``0x7f.1``, ``2130706433``,
  ``[::ffff:7f00:1]``, ``localhost.``, full-width dots, userinfo, backslashes, zones)
  is judged by the address it names (held: the tests pin it).
- `Fetcher` judged a chain only when it was given the per-address limit
  (`AddressGate`): the hop's look-up was skipped without one, so a `Fetcher` built
  without it (the class is the links' public client) followed a public page's 302
  into the network, the connection asking the name itself. The look-up and the rule
  no longer depend on that limit.
- A page's ``Refresh`` header, ``<meta http-equiv="refresh">``, ``Link`` and
  ``Content-Location`` headers name a URL too: none is followed (held).
- A Location split by a bare CR or LF, folded, cut by a NUL or sent twice reaches
  the network through no client: links, the DOI resolver, the registries (held).

127.0.0.2 plays the public web, 127.0.0.1 the reader's network.
"""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.fetch import Fetched, Fetcher
from citeaudit.links.policy import HostGate
from citeaudit.links.safety import AddressRule
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.resolve.enricher import build_resolver
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.security.redteam_net_server import Handler, RawServer, answer
from tests.security.ssrf_loopback import CLI, cli_transport
from tests.security.test_ssrf_hops import (
    OTHER_READINGS,
    SPELLINGS,
    Hops,
    link_check,
    only_127_0_0_2_is_public,
)
from tests.stand_ins.judged_transport import judged_by
from tests.stand_ins.private_service import SECRET, PrivateService

# More spellings of loopback on {port}, beside test_ssrf_hops' SPELLINGS.
MORE_SPELLINGS = [
    "http://[::]:{port}/",
    "http://[0:0:0:0:0:0:0:1]:{port}/",
    "http://[::ffff:0:127.0.0.1]:{port}/",
    "http://[::1%25lo]:{port}/",
    "http://[::ffff:7f00:1%251]:{port}/",
    "http://0x7f.0x0.0x0.0x1:{port}/",
    "http://017700000001:{port}/",
    "http://0177.1:{port}/",
    "http://127.1.:{port}/",
    "http://0x7f000001.:{port}/",
    "http://127.0.0.1..:{port}/",
    "http://localhost..:{port}/",
    "http://LOCALHOST.:{port}/",
    "http://127\uff0e0\uff0e0\uff0e1:{port}/",  # full-width full stops
    "http://127\uff610\uff610\uff611:{port}/",  # half-width ideographic full stops
    "http://public@127.0.0.1:{port}/",
    "//127.0.0.1:{port}/",
]


def _cli_check(url: str) -> LinkCheck:
    async def go() -> LinkCheck:
        async with LinkChecker(
            CLI, archive_url=None, probe_urls=(), transport=judged_by(only_127_0_0_2_is_public, CLI)
        ) as checker:
            return (await checker.check_all([target_for(url)]))[0]

    return asyncio.run(go())


@pytest.mark.parametrize("spelling", SPELLINGS + OTHER_READINGS + MORE_SPELLINGS)
def test_a_public_hop_to_any_spelling_of_the_network_is_refused_in_the_cli(
    intranet: PrivateService, public: Hops, spelling: str
) -> None:
    check = _cli_check(public.to(spelling.format(port=intranet.port)))
    assert public.paths, "the public first hop was asked"
    assert intranet.contacts == 0
    assert check.outcome is not LinkOutcome.OK
    assert SECRET not in repr(check)


def test_a_fetcher_without_the_address_limit_still_keeps_a_public_chain_public(
    intranet: PrivateService, public: Hops
) -> None:
    async def dns(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]  # the name the public page redirects to: the network

    async def go() -> Fetched:
        rule = AddressRule(True, frozenset(), only_127_0_0_2_is_public)
        fetcher = Fetcher(CLI, rule, HostGate(2, 0.0), asyncio.Semaphore(4), cli_transport(dns))
        try:
            return await fetcher.fetch(public.to(f"http://inside.test:{intranet.port}/admin"))
        finally:
            await fetcher.aclose()

    fetched = asyncio.run(go())
    assert public.paths
    assert intranet.contacts == 0
    assert fetched.answer.status is None
    assert fetched.answer.error == "private-address"


@pytest.fixture
def naming_pages(intranet: PrivateService) -> RawServer:
    """Public pages (200) that name the private service other than by a Location."""
    private = intranet.url("/router/apply")
    meta = (
        f'<html><head><meta http-equiv="refresh" content="0; url={private}">'
        f'<link rel="canonical" href="{private}"></head><body>Moved</body></html>'
    ).encode()
    pages = {
        "/refresh": answer("200 OK", [("Refresh", f"0; url={private}")], b"Moved"),
        "/meta": answer("200 OK", [("Content-Type", "text/html")], meta),
        "/link": answer("200 OK", [("Link", f'<{private}>; rel="preload"')], b"Moved"),
        "/located": answer("200 OK", [("Content-Location", private)], b"Moved"),
        "/redirect-refresh": answer("302 Found", [("Refresh", f"0; url={private}")]),
    }

    return RawServer({p: _sends(d) for p, d in pages.items()}, host="127.0.0.2")


def _sends(data: bytes) -> Handler:
    def handle(sock: socket.socket, target: str) -> None:
        sock.sendall(data)

    return handle


@pytest.mark.parametrize("path", ["/refresh", "/meta", "/link", "/located", "/redirect-refresh"])
def test_no_header_or_page_but_a_location_is_followed(
    intranet: PrivateService, naming_pages: RawServer, path: str
) -> None:
    naming_pages.start()
    try:
        check = _cli_check(naming_pages.url(path))
    finally:
        naming_pages.stop()
    assert naming_pages.hits[path] >= 1
    assert intranet.contacts == 0
    assert (check.outcome is LinkOutcome.OK) == (path != "/redirect-refresh")


def _split_locations(private: str) -> dict[str, bytes]:
    """Redirects whose Location names the private service after a line break, a
    folded line, a NUL, or in a second Location header."""

    def raw(location_lines: bytes) -> bytes:
        return (
            b"HTTP/1.1 302 Found\r\n" + location_lines + b"\r\n"
            b"Content-Length: 0\r\nConnection: close\r\n\r\n"
        )

    to = private.encode()
    return {
        "/folded": raw(b"Location: /ok\r\n " + to),
        "/bare-cr": raw(b"Location: /ok\rLocation: " + to),
        "/bare-lf": raw(b"Location: /ok\nLocation: " + to),
        "/nul": raw(b"Location: " + to + b"\x00.example.org"),
        "/twice": raw(b"Location: /ok\r\nLocation: " + to),
        "/twice-private-first": raw(b"Location: " + to + b"\r\nLocation: /ok"),
    }


@pytest.mark.parametrize(
    "path", ["/folded", "/bare-cr", "/bare-lf", "/nul", "/twice", "/twice-private-first"]
)
def test_a_location_split_or_repeated_never_reaches_the_network(
    intranet: PrivateService, path: str, tmp_path: Path
) -> None:
    """Links (the CLI's rule), the DOI resolver and the registries alike."""
    pages = _split_locations(intranet.url("/router/apply"))
    ok = answer("200 OK", [("Content-Type", "application/json")], b'{"responseCode": 1}')
    server = RawServer({path: _sends(pages[path]), "/ok": _sends(ok)}, host="127.0.0.2").start()
    try:
        _cli_check(server.url(path))
        link_check(["10.1234/alive"], doi_url=server.url(path))
        resolver = build_resolver(settings_for(server.url(path), tmp_path / "c"), policy=FAST_RETRY)
        try:
            resolver.resolve([ref("a", title="A", doi="10.1038/nature14539")])
        finally:
            resolver.close()
    finally:
        server.stop()
    assert server.hits[path] >= 1
    assert intranet.contacts == 0
