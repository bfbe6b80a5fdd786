"""Hostile DNS answers at every hop: no connection reaches the private listener.

The attacker owns the manuscript's names and their name servers: a name answers a
public address beside a private one (first or last, past the addresses a connection
tries), a mapped, NAT64, 6to4 or zoned form of loopback, the unspecified address, or a
different answer at each look-up (rebinding between the check and the connection).
Each is asked as a link's first request, as a redirect hop from a public page, as a
registry's redirect hop (both HTTP libraries' pinned clients) -- under the service's
rule (private networks refused) and under an intranet rule that allows private
networks but not this machine. The private listener (127.0.0.1) counts connections;
127.0.0.2-127.0.0.15 play public hosts (nothing listens on the private listener's port
there, so a client moves on to the next address).
"""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import httpx2
import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.pinned import pinned_client, pinned_client2
from citeaudit.links.safety import AddressRule, IPAddress, Resolver, allowed, is_own_machine
from citeaudit.links.targets import target_for
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.redteam_net_server import RawServer, answer
from tests.security.test_ssrf_hops import SERVICE
from tests.stand_ins.private_service import PrivateService

PUBLICS = frozenset(ipaddress.ip_address(f"127.0.0.{n}") for n in range(2, 16))
MANY = [f"127.0.0.{n}" for n in range(2, 14)]  # twelve public addresses, all refusing


def only_the_stand_ins_are_public(ip: IPAddress) -> bool:
    return ip not in PUBLICS


def own_machine(ip: IPAddress) -> bool:
    """This machine, the stand-in public hosts aside (127.0.0.1, ::1, their forms)."""
    return ip not in PUBLICS and is_own_machine(ip)


ANSWERS: dict[str, list[str] | list[list[str]]] = {
    "public-then-private": ["127.0.0.2", "127.0.0.1"],
    "private-then-public": ["127.0.0.1", "127.0.0.2"],
    "private-past-the-tried": [*MANY, "127.0.0.1"],
    "mapped": ["::ffff:127.0.0.1"],
    "public-then-mapped": ["127.0.0.2", "::ffff:7f00:1"],
    "compatible": ["::127.0.0.1"],
    "nat64": ["64:ff9b::7f00:1"],
    "sixtofour": ["2002:7f00:1::1"],
    "zoned-loopback": ["::1%1"],
    "zoned-link-local": ["fe80::1%1"],
    "unspecified": ["0.0.0.0"],
    "unspecified-v6": ["::"],
    # A different answer at each look-up: the first public, the rest private.
    "rebinding": [["127.0.0.2"], ["127.0.0.1"]],
    "rebinding-late": [["127.0.0.2"], ["127.0.0.2"], ["127.0.0.1"]],
}


class NameServer:
    """Answers ``<case>.attacker.example`` from `ANSWERS`, counting each look-up."""

    def __init__(self) -> None:
        self.asked: dict[str, int] = {}

    def answer(self, host: str) -> list[str]:
        case = host.rstrip(".").lower().removesuffix(".attacker.example")
        if case not in ANSWERS:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        turn = self.asked.get(case, 0)
        self.asked[case] = turn + 1
        found = ANSWERS[case]
        if found and isinstance(found[0], list):
            return list(found[min(turn, len(found) - 1)])  # type: ignore[arg-type]
        return list(found)  # type: ignore[arg-type]

    def __call__(self, host: str, port: int) -> list[str]:
        return self.answer(host)

    async def lookup(self, host: str, port: int) -> list[str]:
        return self.answer(host)


@pytest.fixture
def private() -> Iterator[PrivateService]:
    service = PrivateService("127.0.0.1").start()
    yield service
    service.stop()


@pytest.fixture
def bouncer() -> Iterator[RawServer]:
    """A public page (127.0.0.2) that redirects to ``/go/<host>:<port>`` over http."""

    def go(sock: socket.socket, target: str) -> None:
        where = target.split("/go/", 1)[1]
        sock.sendall(answer("302 Found", [("Location", f"http://{where}/inside")]))

    server = RawServer({"/go/": go}, host="127.0.0.2").start()
    yield server
    server.stop()


RULES = {
    "service": {"allow_private": False},
    "intranet": {"allow_private": True, "allow_own_machine": False},
}


def _link(url: str, names: NameServer, rule: dict[str, Any]) -> LinkCheck:
    policy = dataclasses.replace(
        SERVICE,
        allow_private_networks=rule["allow_private"],
        allow_own_machine=rule.get("allow_own_machine", True),
    )

    async def go() -> LinkCheck:
        transport = PerHostTransport(
            per_host=2,
            allow_private=rule["allow_private"],
            allow_own_machine=rule.get("allow_own_machine", True),
            forbidden=only_the_stand_ins_are_public,
            own_machine=own_machine,
            resolver=Resolver(ttl=0, lookup=names.lookup),
        )
        async with LinkChecker(policy, transport=transport, probe_urls=()) as checker:
            return (await checker.check_all([target_for(url)]))[0]

    return asyncio.run(go())


@pytest.mark.parametrize("rule", sorted(RULES))
@pytest.mark.parametrize("case", sorted(ANSWERS))
def test_a_link_naming_the_hostile_answer(private: PrivateService, case: str, rule: str) -> None:
    names = NameServer()
    check = _link(f"http://{case}.attacker.example:{private.port}/", names, RULES[rule])
    assert private.contacts == 0, (case, check)
    assert check.outcome is not LinkOutcome.OK


@pytest.mark.parametrize("rule", sorted(RULES))
@pytest.mark.parametrize("case", sorted(ANSWERS))
def test_a_redirect_to_the_hostile_answer(
    private: PrivateService, bouncer: RawServer, case: str, rule: str
) -> None:
    names = NameServer()
    url = bouncer.url(f"/go/{case}.attacker.example:{private.port}")
    check = _link(url, names, RULES[rule])
    assert bouncer.hits["/go/"] >= 1
    assert private.contacts == 0, (case, check)
    assert check.outcome is not LinkOutcome.OK


@pytest.mark.parametrize("make", [pinned_client, pinned_client2])
@pytest.mark.parametrize("rule", sorted(RULES))
@pytest.mark.parametrize("case", sorted(ANSWERS))
def test_a_registry_redirect_to_the_hostile_answer(
    private: PrivateService, bouncer: RawServer, make: Any, case: str, rule: str
) -> None:
    names = NameServer()
    lib = httpx if make is pinned_client else httpx2
    address_rule = AddressRule(
        allow_private=RULES[rule]["allow_private"],
        allow_own_machine=RULES[rule].get("allow_own_machine", True),
        allowed_origins=allowed([bouncer.url("")]),
        forbidden=only_the_stand_ins_are_public,
        own_machine=own_machine,
    )
    client = make(address_rule, timeout=2.0, lookup=names, follow_redirects=True)
    with client, pytest.raises(lib.HTTPError):
        client.get(bouncer.url(f"/go/{case}.attacker.example:{private.port}"))
    assert private.contacts == 0, case
    # And as a first request (a registry name the attacker's DNS answers).
    client = make(address_rule, timeout=2.0, lookup=names)
    with client, pytest.raises(lib.HTTPError):
        client.get(f"http://{case}.attacker.example:{private.port}/works")
    assert private.contacts == 0, case
