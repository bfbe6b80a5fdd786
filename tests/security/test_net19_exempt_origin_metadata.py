"""A configured service's name is exempt from the private-network rule, never from
the metadata one.

The registries (doi.org, DataCite, Crossref), the DOI resolver, the archive and the
reachability probe are exempt by their exact origin (host and port): tests run them
on loopback, an operator may run a mirror on the intranet. Before, the exemption
skipped every check: a configured name whose DNS answer became a metadata service's
address (a lapsed mirror domain taken over, a poisoned or rebinding answer) was
connected to, and the look-ups' answers (status, a text prefix in reasons) came
from the cloud's credentials endpoint. "Private networks allowed" never reaches a
metadata service or a link-local address; a configured name now may not either. An
origin configured as an address stays exempt, whatever it is (the operator's own
word: `test_ssrf_classes.test_a_configured_services_own_origin_stays_exempt`).

Stand-ins: a loopback listener plays the metadata service (the rule's injected
`metadata` test names 127.0.0.1 as one), reached through an exempt origin's name
that a stand-in name server answers with its address.
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Iterator

import httpx
import pytest

from citeaudit.links.pinned import pinned_client, pinned_client2
from citeaudit.links.safety import AddressRule, IPAddress, Resolver, allowed, is_metadata_address
from citeaudit.links.transport import PerHostTransport
from tests.stand_ins.private_service import PrivateService

LOOPBACK = ipaddress.ip_address("127.0.0.1")


def loopback_is_metadata(ip: IPAddress) -> bool:
    return ip == LOOPBACK or is_metadata_address(ip)


@pytest.fixture
def metadata() -> Iterator[PrivateService]:
    service = PrivateService("127.0.0.1").start()
    yield service
    service.stop()


def _rule(origin: str) -> AddressRule:
    return AddressRule(allowed_origins=allowed([origin]), metadata=loopback_is_metadata)


def test_the_rule_refuses_a_metadata_address_of_an_exempt_name() -> None:
    rule = AddressRule(allowed_origins=allowed(["http://mirror.example:8080"]))
    for address in ("169.254.169.254", "fd00:ec2::254", "::ffff:169.254.169.254", "fe80::1"):
        with pytest.raises(Exception, match="non-public address"):
            rule.check("mirror.example", 8080, [address])
    rule.check("mirror.example", 8080, ["10.0.0.5", "127.0.0.1"])  # private: exempt


@pytest.mark.parametrize("make", [pinned_client, pinned_client2])
def test_registry_clients_never_reach_metadata_through_an_exempt_name_either_library(
    metadata: PrivateService, make: object
) -> None:
    origin = f"http://mirror.test:{metadata.port}"
    client = make(  # type: ignore[operator]
        _rule(origin), timeout=3.0, lookup=lambda host, port: ["127.0.0.1"]
    )
    with client, pytest.raises(Exception):  # noqa: B017 - httpx or httpx2 ConnectError
        client.get(f"{origin}/latest/meta-data/")
    assert metadata.contacts == 0


def test_registry_clients_never_reach_metadata_through_an_exempt_name(
    metadata: PrivateService,
) -> None:
    origin = f"http://mirror.test:{metadata.port}"
    asked: list[str] = []

    def dns(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"]

    with (
        pinned_client(_rule(origin), timeout=3.0, lookup=dns) as client,
        pytest.raises(httpx.ConnectError),
    ):
        client.get(f"{origin}/latest/meta-data/")
    assert asked == ["mirror.test"]
    assert metadata.contacts == 0


def test_the_link_checkers_trusted_transport_never_reaches_metadata_through_an_exempt_name(
    metadata: PrivateService,
) -> None:
    async def dns(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    async def go() -> None:
        transport = PerHostTransport(
            per_host=2,
            allow_private=False,
            forbidden=lambda ip: True,
            metadata=loopback_is_metadata,
            allowed_origins=allowed([f"http://resolver.test:{metadata.port}"]),
            resolver=Resolver(ttl=0, lookup=dns),
        )
        async with httpx.AsyncClient(transport=transport, trust_env=False) as client:
            with pytest.raises(httpx.HTTPError):
                await client.get(f"http://resolver.test:{metadata.port}/api/handles/10.1/x")

    asyncio.run(go())
    assert metadata.contacts == 0


def test_an_exempt_origin_on_a_private_address_is_still_reached(
    metadata: PrivateService,
) -> None:
    """What the exemption is for: a configured service on loopback or the intranet."""
    origin = f"http://127.0.0.1:{metadata.port}"
    rule = AddressRule(allowed_origins=allowed([origin]))
    with pinned_client(rule, timeout=3.0) as client:
        assert client.get(f"{origin}/api").status_code == 200
    assert metadata.requests == ["GET /api"]
