"""Every spelling of the reader's own network, on every kind of hop, reaches nothing.

A sweep, not one example: each host below names 127.0.0.1 (the private listener) to
some parser -- octal, hex, dword and short IPv4 forms, trailing dots, IDNA and Unicode
digits, %-escapes, soft hyphens, IPv4-mapped, -compatible, NAT64 and 6to4 IPv6 forms,
``localhost`` in any case, userinfo and backslash tricks, and a name the stand-in name
server answers with 127.0.0.1 -- written behind each scheme prefix a parser reads
differently. Each is a public page's redirect (127.0.0.2 plays the public web) under
the service's rule and under the CLI's (private networks allowed, never after a public
hop), and a registry's redirect through both pinned clients (httpx, httpx2). The
private listener counts every connection: none may arrive.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Iterator
from urllib.parse import quote, unquote

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.pinned import pinned_client, pinned_client2
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import AddressRule, Resolver, allowed
from citeaudit.links.targets import LinkTarget
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.redteam_net_server import RawServer, answer
from tests.security.ssrf_loopback import CLI
from tests.security.test_ssrf_hops import SERVICE, Hops, only_127_0_0_2_is_public
from tests.stand_ins.private_service import PrivateService

HOSTS = [
    "127.1", "0x7f.1", "0177.1", "2130706433", "017700000001", "0x7f000001", "127.0.0.1.",
    "127.0.1", "127.000.000.1", "0x7F.0x00.0x00.0x01", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]",
    "[::127.0.0.1]", "[::ffff:0:7f00:1]", "[0:0:0:0:0:ffff:7f00:0001]", "[64:ff9b::7f00:1]",
    "[2002:7f00:1::]", "localhost", "LOCALHOST.", "a.localhost", "１２７.0.0.1", "127。0。0。1",
    "%31%32%37.0.0.1", "127%2e0%2e0%2e1", "127\u00ad.0.0.1", "x\\@127.0.0.1",
    "[x\\@127.0.0.1", "a@127.0.0.1", "intranet.example", "INTRANET.example.",
]  # fmt: skip
PREFIXES = ["http://", "HTTP://", "http:\\\\", "http:/", "//", " http://"]


def _locations(port: int) -> list[str]:
    return [f"{prefix}{host}:{port}/secret" for host in HOSTS for prefix in PREFIXES]


async def _dns(host: str, port: int) -> list[str]:
    """Every name is the reader's network."""
    return ["127.0.0.1"]


@pytest.mark.parametrize("policy", [SERVICE, CLI], ids=["service", "cli"])
def test_a_public_redirect_reaches_no_spelling_of_the_network(
    policy: LinkPolicy, intranet: PrivateService, public: Hops
) -> None:
    locations = _locations(intranet.port)

    async def go() -> list[LinkCheck]:
        transport = PerHostTransport(
            per_host=policy.per_host,
            allow_private=policy.allow_private_networks,
            forbidden=only_127_0_0_2_is_public,
            resolver=Resolver(ttl=0, lookup=_dns),
        )
        async with LinkChecker(
            policy, archive_url=None, probe_urls=(), transport=transport
        ) as checker:
            return await checker.check_all([LinkTarget("url", public.to(x)) for x in locations])

    checks = asyncio.run(go())
    assert intranet.contacts == 0, intranet.requests
    assert len([p for p in public.paths if p.startswith("/to/")]) >= len(locations)
    # "http:/name:port/secret" is a path on the public host (to urljoin and WHATWG
    # alike: one slash after a special scheme is relative); every OK ends there.
    for check in checks:
        if check.outcome is LinkOutcome.OK:
            assert (check.final_url or "").startswith(f"{public.url}/"), check


@pytest.fixture
def redirecting_registry() -> Iterator[RawServer]:
    def to(sock: socket.socket, target: str) -> None:
        location = unquote(target.split("/to/", 1)[1])
        sock.sendall(answer("302 Found", [("Location", location)]))

    server = RawServer({"/to/": to}).start()
    yield server
    server.stop()


@pytest.mark.parametrize("make", [pinned_client, pinned_client2], ids=["httpx", "httpx2"])
def test_a_registry_redirect_reaches_no_spelling_of_the_network(
    make: object, intranet: PrivateService, redirecting_registry: RawServer
) -> None:
    base = redirecting_registry.url("")
    client = make(  # type: ignore[operator]
        AddressRule(allowed_origins=allowed([base])),
        timeout=2.0,
        follow_redirects=True,
        lookup=lambda host, port: ["127.0.0.1"],
    )
    with client:
        for location in _locations(intranet.port):
            with contextlib.suppress(Exception):  # httpx's errors and httpx2's
                client.get(f"{base}/to/{quote(location, safe='')}")
    assert intranet.contacts == 0, intranet.requests
