"""The NAT64 prefix is learnt from ipv4only.arpa itself, never from a search domain.

`links.nat64` asks for the AAAA records of ``ipv4only.arpa`` to learn where the
network's DNS64 puts IPv4 addresses (RFC 7050); an address in that prefix is judged by
the IPv4 address it carries. The name was asked as written, a relative name, so the
resolver's search list came first wherever ``ndots`` is above one (Kubernetes: 5):
``ipv4only.arpa.<namespace>.svc.cluster.local``, ..., ``ipv4only.arpa.corp.example``.
A wildcard in any search domain answers that one -- under DNS64, with an AAAA
synthesized from the wildcard's own A record -- and the answer carries neither
192.0.0.170 nor .171: "no NAT64 here" was learnt, and from then on a name whose A
record is 10.0.0.5, synthesized into the network's prefix, was a public address.

The stand-in resolver below reads names as glibc does with ``ndots:5``: a name with
fewer dots and no final dot is tried with the search domain first.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

import pytest

from citeaudit.links import nat64
from citeaudit.links.nat64 import Nat64Prefixes
from citeaudit.links.safety import AddressRule

SEARCH = "corp.example"
PREFIX = "2a01:4f8:64::"  # the network's own NAT64 /96 (its DNS64's answers)
WILDCARD = ipaddress.IPv4Address("203.0.114.9")  # *.corp.example's A record


def _synthesized(v4: ipaddress.IPv4Address) -> str:
    return str(ipaddress.IPv6Address(int(ipaddress.IPv6Address(PREFIX)) | int(v4)))


def _resolver(asked: list[str]) -> Any:
    """getaddrinfo behind a DNS64 with a wildcard in the search domain (ndots:5)."""

    def getaddrinfo(host: str, port: Any, family: int = 0, type: int = 0, *a: Any) -> Any:
        asked.append(host)
        if not host.endswith(".") and host.count(".") < 5:
            v4 = WILDCARD  # ipv4only.arpa.corp.example: the wildcard answers first
        elif host.rstrip(".") == "ipv4only.arpa":
            v4 = ipaddress.IPv4Address("192.0.0.170")
        else:
            raise socket.gaierror(socket.EAI_NONAME, "no such name")
        return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", (_synthesized(v4), 0, 0, 0))]

    return getaddrinfo


def test_the_prefix_is_learnt_from_the_absolute_name(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(nat64.socket, "getaddrinfo", _resolver(asked))
    prefixes = Nat64Prefixes(lookup=nat64._ask_ipv4only_arpa)
    prefixes.fresh()
    assert {str(net) for net, _ in prefixes.current()} == {f"{PREFIX}/96"}
    # So a name synthesized from a private A record carries it, and is refused.
    internal = ipaddress.IPv6Address(_synthesized(ipaddress.IPv4Address("10.0.0.5")))
    monkeypatch.setattr(nat64, "nat64_prefixes", prefixes)
    monkeypatch.setattr("citeaudit.links.safety.nat64_prefixes", prefixes)
    assert AddressRule().refuses(internal)
    assert asked == ["ipv4only.arpa."]  # no search domain was asked
