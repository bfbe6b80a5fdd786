"""A CNAME chain into our network reads the same whether its last name exists without
an address, exists with one, or does not exist.

rt35s refused a link whose name does not resolve because its CNAME chain ends in our
network (`name_chain.chain_end`): a missing machine's NXDOMAIN names the chain's last
name. But a chain ending at a name of our zone that exists with no address record (a
mail-only or service-record name, ``_ldap._tcp.corp...``, a zone's apex) is answered
NOERROR with no data: getaddrinfo says "no address", the chain was asked, dnspython
gave an answer without records -- no exception, so no chain end -- and the link read
"does not resolve", where a missing name read "private-address". An upload's own domain
pointing one name at each guess told which names of our zone exist again. Now the
chain's last name is read from the answer without records too, and judged as any end.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

from citeaudit.links import internal_zones, name_chain, pinned, safety
from citeaudit.links.internal_zones import InternalZones
from tests.security.dns_chains import ChainServer
from tests.security.test_rt35s_internal_zones import _said
from tests.security.test_rt35s_internal_zones import _service_checks as _checks

ZONE = "corp.example.com"
CHAINS = {
    "a.attacker.example": "mailonly.corp.example.com",  # exists, no address record
    "b.attacker.example": "nothere.corp.example.com",  # does not exist
    "c.attacker.example": "gone.example.org",  # a public name with no address
}
NO_DATA = {"mailonly.corp.example.com", "gone.example.org"}  # exist, no A record


@pytest.fixture
def chains(monkeypatch: pytest.MonkeyPatch) -> Iterator[ChainServer]:
    server = ChainServer(CHAINS, NO_DATA)

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        name = str(host).rstrip(".").lower()
        if CHAINS.get(name) in NO_DATA:
            raise socket.gaierror(
                getattr(socket, "EAI_NODATA", socket.EAI_NONAME),
                "No address associated with hostname",
            )
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    for module in (safety.socket, pinned.socket):
        monkeypatch.setattr(module, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(name_chain, "SYSTEM_LOOKUP", getaddrinfo)  # the system's own
    monkeypatch.setattr(name_chain, "make_resolver", server.resolver)
    monkeypatch.setattr(internal_zones, "internal_zones", InternalZones(zones=(ZONE,)))
    yield server
    server.close()


def test_a_chain_to_a_name_without_address_reads_as_a_missing_one(chains: ChainServer) -> None:
    no_address, missing = _checks(["http://a.attacker.example/", "http://b.attacker.example/"])
    assert missing.reason == "private-address"
    assert _said(no_address) == _said(missing)


def test_the_chain_end_is_read_from_an_answer_without_records(chains: ChainServer) -> None:
    assert name_chain.chain_end("a.attacker.example") == "mailonly.corp.example.com"


def test_a_public_name_without_address_still_does_not_resolve(chains: ChainServer) -> None:
    (public,) = _checks(["http://c.attacker.example/"])
    assert public.reason == "dns"
    assert "c.attacker.example" in chains.asked
