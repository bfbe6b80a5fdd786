"""A CNAME of the uploader's own domain into our network reads as our network does.

Names of our own network are refused unasked, the same whether they exist
(`safety.is_local_name`, `internal_zones`). A name of the uploader's own domain can
stand in front of one: ``a.attacker.example CNAME vault.corp.example.com.`` is asked of
our resolver, which follows the chain into our zone. When the machine exists the
answer is its private address ("private-address"); when it does not, NXDOMAIN ("does
not resolve": the code is said of the chain's last name). One DNS server answering each
guess with a CNAME mapped our zone -- and the local-only names the earlier rounds
refused (``redis.internal``, a cloud network's ``*.internal`` names) -- past the
refusal. Where private networks are refused, a name that does not resolve is now asked
for its chain, and one ending in a name of our network is refused as that name is.

The stand-ins: `our_dns` is the system resolver as the transport asks it (getaddrinfo,
following chains), `dns_chains.ChainServer` the same DNS asked directly (a UDP server
on loopback that answers every name with its CNAME, if any, and NXDOMAIN).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import dns.message
import dns.rcode
import dns.resolver
import dns.rrset
import pytest

from citeaudit.links import internal_zones, name_chain, pinned, safety
from citeaudit.links.internal_zones import InternalZones
from tests.security.dns_chains import ChainServer
from tests.security.ssrf_loopback import CLI
from tests.security.test_rt35s_internal_zones import _said
from tests.security.test_rt35s_internal_zones import _service_checks as _checks

CHAINS = {
    "a.attacker.example": "vault.corp.example.com",  # exists in our zone
    "b.attacker.example": "vaults.corp.example.com",  # does not
    "c.attacker.example": "db.internal",  # a local-only name that exists
    "d.attacker.example": "nodb.internal",  # and one that does not
    "e.attacker.example": "gone.example.org",  # a public name that does not
}
# What our resolver answers, chains followed: the names whose chain ends at a machine.
ANSWERED = {"a.attacker.example", "c.attacker.example"}


@pytest.fixture
def chains(monkeypatch: pytest.MonkeyPatch) -> Iterator[ChainServer]:
    server = ChainServer(CHAINS)

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        name = str(host).rstrip(".").lower()
        if name in ANSWERED:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", int(port or 0)))]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    for module in (safety.socket, pinned.socket):
        monkeypatch.setattr(module, "getaddrinfo", getaddrinfo)
    # This stand-in is the system's resolver, with `server` as its DNS.
    monkeypatch.setattr(name_chain, "SYSTEM_LOOKUP", getaddrinfo)
    monkeypatch.setattr(name_chain, "make_resolver", server.resolver)
    monkeypatch.setattr(
        internal_zones, "internal_zones", InternalZones(zones=("corp.example.com",))
    )
    yield server
    server.close()


@pytest.mark.usefixtures("chains")
@pytest.mark.parametrize(
    ("exists", "missing"),
    [("a.attacker.example", "b.attacker.example"), ("c.attacker.example", "d.attacker.example")],
    ids=["our-zone", "local-only"],
)
def test_a_chain_into_our_network_reads_the_same_whether_its_end_exists(
    exists: str, missing: str
) -> None:
    there, absent = _checks([f"http://{exists}/", f"http://{missing}/"])
    assert _said(there) == _said(absent)
    assert there.reason == "private-address"


def test_a_dead_name_is_still_dead(chains: ChainServer) -> None:
    """No chain, or one ending at a public name: it does not resolve, as before."""
    plain, public = _checks(["http://nothing.attacker.example/", "http://e.attacker.example/"])
    assert plain.reason == public.reason == "dns"
    assert {"nothing.attacker.example", "e.attacker.example"} <= set(chains.asked)


def test_the_cli_asks_no_chain(chains: ChainServer) -> None:
    (check,) = _checks(["http://b.attacker.example:1/"], CLI)
    assert check.reason == "dns"
    assert chains.asked == []


def test_a_stand_in_resolver_is_asked_no_chain(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where getaddrinfo is not the process's own (a test's stand-in name server), the
    DNS behind the system's configuration is not the one the name was asked of."""
    asked: list[str] = []

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    def never() -> dns.resolver.Resolver:
        asked.append("chain")
        raise AssertionError("the chain was asked")

    monkeypatch.setattr(safety.socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(name_chain, "make_resolver", never)
    (check,) = _checks(["http://b.attacker.example/"])
    assert check.reason == "dns"
    assert asked == []


def test_a_chain_answered_from_our_zone_is_refused_whatever_it_answers(
    chains: ChainServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our zone's public answer for a name (split horizon gives some names their public
    address) would tell that the name exists there, as against a missing one (now
    "private-address"): the canonical name the resolver gives is judged too."""
    from tests.security.test_ssrf_hops import Hops

    public = Hops("127.0.0.2").start()

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        name = str(host).rstrip(".").lower()
        if name not in ("f.attacker.example", "g.attacker.example"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        flags = kwargs.get("flags", 0)
        end = "www.corp.example.com" if name == "f.attacker.example" else "www.example.org"
        canonical = end if flags & socket.AI_CANONNAME else ""
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, canonical, ("127.0.0.2", int(port)))]

    for module in (safety.socket, pinned.socket):
        monkeypatch.setattr(module, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(name_chain, "SYSTEM_LOOKUP", getaddrinfo)
    port = public.url.rsplit(":", 1)[1]
    try:
        ours, theirs = _checks(
            [f"http://f.attacker.example:{port}/gone", f"http://g.attacker.example:{port}/x"]
        )
    finally:
        public.stop()
    assert ours.reason == "private-address"
    assert theirs.reason != "private-address"  # a chain to a public name is checked
    assert len(public.paths) >= 1 and all("/gone" not in p for p in public.paths)
