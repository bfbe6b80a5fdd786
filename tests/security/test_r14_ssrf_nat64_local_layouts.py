"""The local-use NAT64 prefix (RFC 8215's 64:ff9b:1::/48) carries its IPv4 address at
whatever length the network cut from it.

RFC 8215 gives each network the /48 to cut its own NAT64 prefix from, at any RFC 6052
length that fits (/48, /56, /64 or /96: a /64 per translator is common). Only the /48
and /96 layouts were read, so where private networks are allowed (the CLI) the /56 and
/64 forms of the metadata service -- ``64:ff9b:1:a9:fe:a9fe::``,
``64:ff9b:1:1234:a9:fea9:fe00:0`` -- were intranet addresses like any other, and
``64:ff9b:1:1234:7f:0:100:0`` (127.0.0.1 at /64) was not "this machine" where this
machine is refused. A network whose translator uses such a prefix without a DNS64 that
shows it (or whose operator declared only the main one: ``CITEAUDIT_NAT64_PREFIXES``)
delivered them. Each layout is read now, whatever was learnt.

A name server stand-in answers the address; nothing is connected to, and the refusal
is "private-address".
"""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.nat64 import carried_by_prefix
from citeaudit.links.safety import AddressRule, Resolver, is_metadata_address, is_own_machine
from citeaudit.links.targets import LinkTarget
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.ssrf_loopback import CLI, check_answering
from tests.security.test_ssrf_hops import only_127_0_0_2_is_public
from tests.security.webhook_refusal import assert_webhook_refused

LOCAL_USE = ipaddress.IPv6Network("64:ff9b:1::/48")
METADATA = ipaddress.IPv4Address("169.254.169.254")
LOOPBACK = ipaddress.IPv4Address("127.0.0.1")


def placed(prefix: str, length: int, v4: ipaddress.IPv4Address) -> str:
    """`v4` inside `prefix` as RFC 6052 lays it out for a prefix of `length` bits
    (the octet at bits 64-71 skipped), built independently of the code under test."""
    network = ipaddress.IPv6Network(f"{prefix}/{length}")
    bits = int(v4)
    if length == 96:
        value = bits
    elif length == 64:
        value = bits << 24
    else:
        before = 64 - length  # IPv4 bits between the prefix and "u"
        after = 32 - before
        value = ((bits >> after) << 64) | ((bits & ((1 << after) - 1)) << (56 - after))
    return str(ipaddress.IPv6Address(int(network.network_address) | value))


# Prefixes cut from the /48 at each RFC 6052 length that fits in it.
LAYOUTS = [
    ("64:ff9b:1::", 48),
    ("64:ff9b:1:5600::", 56),
    ("64:ff9b:1:1234::", 64),
    ("64:ff9b:1:ffff:1:2::", 96),
]
METADATA_FORMS = [placed(p, n, METADATA) for p, n in LAYOUTS]
LOOPBACK_FORMS = [placed(p, n, LOOPBACK) for p, n in LAYOUTS]


def test_the_layouts_are_built_as_rfc_6052_says() -> None:
    """The test's own layouts agree with RFC 6052's worked example (192.0.2.33)."""
    v4 = ipaddress.IPv4Address("192.0.2.33")
    assert placed("2001:db8:100::", 40, v4) == "2001:db8:1c0:2:21::"
    assert placed("2001:db8:122::", 48, v4) == "2001:db8:122:c000:2:2100::"
    assert placed("2001:db8:122:300::", 56, v4) == "2001:db8:122:3c0:0:221::"
    assert placed("2001:db8:122:344::", 64, v4) == "2001:db8:122:344:c0:2:2100:0"
    for address, (_, length) in zip(METADATA_FORMS, LAYOUTS, strict=True):
        assert ipaddress.IPv6Address(address) in LOCAL_USE
        assert carried_by_prefix(ipaddress.IPv6Address(address), length) == METADATA


@pytest.mark.parametrize("address", METADATA_FORMS)
def test_each_layout_of_the_metadata_service_is_metadata(address: str) -> None:
    assert is_metadata_address(ipaddress.ip_address(address))
    assert AddressRule(allow_private=True).url_refusal(f"http://[{address}]/latest/") is not None


@pytest.mark.parametrize("address", LOOPBACK_FORMS)
def test_each_layout_of_loopback_is_this_machine(address: str) -> None:
    assert is_own_machine(ipaddress.ip_address(address))
    rule = AddressRule(allow_private=True, allow_own_machine=False)
    assert rule.url_refusal(f"http://[{address}]:6379/") is not None


@pytest.mark.parametrize("address", METADATA_FORMS)
def test_a_link_answering_a_layout_of_the_metadata_service_is_refused(address: str) -> None:
    check, asked = check_answering(address, "http://meta.test/latest/meta-data/")
    assert asked
    assert check.outcome is not LinkOutcome.OK
    assert check.reason == "private-address", check


@pytest.mark.parametrize("address", LOOPBACK_FORMS)
def test_a_link_answering_a_layout_of_loopback_is_refused_where_this_machine_is(
    address: str,
) -> None:
    """Private networks allowed, this machine not (a confined run told
    CITEAUDIT_ALLOW_PRIVATE_NETWORKS, the service with private networks allowed)."""
    asked: list[str] = []

    async def dns(host: str, port: int) -> list[str]:
        asked.append(host)
        return [address]

    policy = dataclasses.replace(CLI, allow_own_machine=False)
    transport = PerHostTransport(
        per_host=2,
        allow_private=True,
        allow_own_machine=False,
        forbidden=only_127_0_0_2_is_public,
        resolver=Resolver(ttl=0, lookup=dns),
    )

    async def go() -> LinkCheck:
        async with LinkChecker(policy, transport=transport, probe_urls=()) as checker:
            return await checker.check(LinkTarget("url", "http://redis.test:6379/"))

    check = asyncio.run(go())
    assert asked
    assert check.reason == "private-address", check


@pytest.mark.parametrize("address", METADATA_FORMS)
def test_a_webhook_answering_a_layout_of_the_metadata_service_is_refused(address: str) -> None:
    assert_webhook_refused(address, allow_private=True)
