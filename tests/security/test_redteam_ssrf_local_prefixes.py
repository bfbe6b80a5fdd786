"""A prefix the kernel routes to this machine as a whole is ours, like its addresses;
a network on one of our own links is our neighbours'.

"AnyIP" local routes (``ip route add local 198.51.100.0/24 dev lo``, or an IPv6 /64
an egress proxy sends from) make the kernel answer every address of the prefix
itself: a service bound to 0.0.0.0 or :: (Redis, PostgreSQL) is reached through any
of them. Only the /32 local routes and the interfaces' own addresses were read, so a
link to ``http://[<prefix>::1234]:6379/`` was a public address. The tables here are
the shapes of /proc/net/fib_trie and /proc/net/ipv6_route on such a server.

A subnet's machines trust each other (a cloud subnet's security group, a bare-metal
block behind one switch) whether their addresses are public or not: a server on a
public /24 or a global IPv6 /64 reached its neighbours' admin ports as "public".
"""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

import pytest

from citeaudit.links.own_addresses import (
    OwnAddresses,
    own_addresses,
    parse_fib_trie_networks,
    parse_ipv6_on_link,
    parse_ipv6_route,
    parse_route,
)
from citeaudit.links.safety import AddressRule, NonPublicAddress, is_forbidden_address
from tests.security.webhook_refusal import assert_webhook_refused

# 8.8.4.0/24 stands in for a public prefix routed locally (AnyIP) on this server.
FIB_TRIE = """Main:
  +-- 0.0.0.0/0 3 0 5
     |-- 0.0.0.0
        /0 universe UNICAST
Local:
  +-- 0.0.0.0/0 3 0 5
     |-- 0.0.0.0
        /0 host LOCAL
     |-- 8.8.4.0
        /24 host LOCAL
     |-- 8.8.8.77
        /32 host LOCAL
     |-- 8.8.8.255
        /32 link BROADCAST
"""
# 2a00:1450:4001:800::/64 routed locally (flags RTF_LOCAL), an ordinary /64 route with a
# gateway, and the default route.
IPV6_ROUTE = (
    "2a001450400108000000000000000000 40 00000000000000000000000000000000 00 "
    "00000000000000000000000000000000 00000000 00000001 00000000 80000001       lo\n"
    "2a001450400108010000000000000000 40 00000000000000000000000000000000 00 "
    "fe800000000000000000000000000001 00000400 00000001 00000000 00000003     eth0\n"
    "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
    "fe800000000000000000000000000001 00000400 00000003 00000000 00000003     eth0\n"
)
OURS = ["8.8.4.1", "8.8.4.254", "2a00:1450:4001:800::1234", "2a00:1450:4001:800:ffff::1"]
NOT_OURS = ["8.8.5.1", "8.8.8.8", "2a00:1450:4001:801::1", "2a00:1450:4001::1"]


@pytest.fixture
def anyip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard's own tables are these (as test_own_addresses does for an address)."""
    (tmp_path / "fib").write_text(FIB_TRIE)
    (tmp_path / "route6").write_text(IPV6_ROUTE)
    # What was read is given back too, so later tests see this machine's tables.
    monkeypatch.setattr(own_addresses, "_known", own_addresses.current())
    monkeypatch.setattr(own_addresses, "_networks", own_addresses.networks())
    monkeypatch.setattr(own_addresses, "fib_trie", tmp_path / "fib")
    monkeypatch.setattr(own_addresses, "if_inet6", tmp_path / "absent")
    monkeypatch.setattr(own_addresses, "ipv6_route", tmp_path / "route6")
    monkeypatch.setattr(own_addresses, "ttl", 0.0)
    monkeypatch.setattr(own_addresses, "_read_at", float("-inf"))


def test_local_prefixes_are_read_from_the_tables() -> None:
    assert {str(n) for n in parse_fib_trie_networks(FIB_TRIE)} == {"8.8.4.0/24"}
    assert {str(n) for n in parse_ipv6_route(IPV6_ROUTE)} == {"2a00:1450:4001:800::/64"}
    assert parse_ipv6_route("garbage\n" + "z" * 32 + " 40\n") == frozenset()


def test_an_address_of_a_local_prefix_is_ours(tmp_path: Path) -> None:
    (tmp_path / "fib").write_text(FIB_TRIE)
    (tmp_path / "route6").write_text(IPV6_ROUTE)
    own = OwnAddresses(
        fib_trie=tmp_path / "fib", if_inet6=tmp_path / "absent", ipv6_route=tmp_path / "route6"
    )
    for address in OURS:
        assert ipaddress.ip_address(address) in own, address
    for address in NOT_OURS:
        assert ipaddress.ip_address(address) not in own, address


@pytest.mark.usefixtures("anyip")
@pytest.mark.parametrize("address", OURS)
def test_links_and_webhooks_to_a_local_prefix_are_refused(address: str) -> None:
    assert is_forbidden_address(ipaddress.ip_address(address))
    with pytest.raises(NonPublicAddress):
        AddressRule().check("proxy-pool.test", 6379, [address])
    literal = f"[{address}]" if ":" in address else address
    assert AddressRule().url_refusal(f"http://{literal}:6379/") is not None
    assert_webhook_refused(address, allow_private=False)


@pytest.mark.usefixtures("anyip")
@pytest.mark.parametrize("address", NOT_OURS)
def test_neighbouring_public_addresses_stay_public(address: str) -> None:
    assert not is_forbidden_address(ipaddress.ip_address(address))


# -- neighbours: networks on one of our own links -------------------------------------------


def _route_line(device: str, destination: str, gateway: str, flags: int, mask: str) -> str:
    """A /proc/net/route line (addresses in this machine's byte order)."""

    def hexed(address: str) -> str:
        packed = ipaddress.IPv4Address(address).packed
        return f"{int.from_bytes(packed, sys.byteorder):08X}"

    return (
        f"{device}\t{hexed(destination)}\t{hexed(gateway)}\t{flags:04X}\t0\t0\t0\t"
        f"{hexed(mask)}\t0\t0\t0\n"
    )


# A server whose eth0 sits on the public 8.8.8.0/24 and on a subnet's global IPv6 /64;
# a tunnel carrying half the Internet (no gateway) and the default route are no subnet.
ROUTE = (
    "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
    + _route_line("eth0", "0.0.0.0", "8.8.8.1", 0x3, "0.0.0.0")
    + _route_line("eth0", "8.8.8.0", "0.0.0.0", 0x1, "255.255.255.0")
    + _route_line("wg0", "0.0.0.0", "0.0.0.0", 0x1, "128.0.0.0")
    + _route_line("lo", "9.9.9.0", "0.0.0.0", 0x1, "255.255.255.0")
)
NO_HOP = "00000000000000000000000000000000"
IPV6_LINKS = (
    f"26001f18000100020000000000000000 40 {NO_HOP} 00 {NO_HOP} 00000100 1 0 00000001 eth0\n"
    f"26000000000000000000000000000000 10 {NO_HOP} 00 {NO_HOP} 00000100 1 0 00000001 wg0\n"
    f"fe800000000000000000000000000000 40 {NO_HOP} 00 {NO_HOP} 00000100 1 0 00000001 eth0\n"
    f"ff000000000000000000000000000000 08 {NO_HOP} 00 {NO_HOP} 00000100 1 0 00000001 eth0\n"
    f"26001f18000100030000000000000000 40 {NO_HOP} 00 "
    "fe800000000000000000000000000001 00000400 1 0 00000003 eth0\n"
)
NEIGHBOURS = ["8.8.8.8", "8.8.8.200", "2600:1f18:1:2::10", "2600:1f18:1:2:abcd::1"]
FAR_AWAY = ["8.8.4.4", "1.1.1.1", "9.9.9.9", "2600:1f18:1:3::10", "2600:1::1"]


@pytest.fixture
def subnet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "route").write_text(ROUTE)
    (tmp_path / "route6").write_text(IPV6_LINKS)
    monkeypatch.setattr(own_addresses, "_known", own_addresses.current())
    monkeypatch.setattr(own_addresses, "_networks", own_addresses.networks())
    monkeypatch.setattr(own_addresses, "_on_link", own_addresses._on_link)
    monkeypatch.setattr(own_addresses, "fib_trie", tmp_path / "absent")
    monkeypatch.setattr(own_addresses, "if_inet6", tmp_path / "absent")
    monkeypatch.setattr(own_addresses, "route", tmp_path / "route")
    monkeypatch.setattr(own_addresses, "ipv6_route", tmp_path / "route6")
    monkeypatch.setattr(own_addresses, "ttl", 0.0)
    monkeypatch.setattr(own_addresses, "_read_at", float("-inf"))


def test_the_networks_on_our_links_are_read_from_the_tables() -> None:
    assert {str(n) for n in parse_route(ROUTE)} == {"8.8.8.0/24"}
    assert {str(n) for n in parse_ipv6_on_link(IPV6_LINKS)} == {"2600:1f18:1:2::/64"}
    assert parse_route("header\nshort line\n") == frozenset()


@pytest.mark.usefixtures("subnet")
@pytest.mark.parametrize("address", NEIGHBOURS)
def test_a_neighbour_on_our_own_subnet_is_refused(address: str) -> None:
    assert is_forbidden_address(ipaddress.ip_address(address))
    assert_webhook_refused(address, allow_private=False)
    AddressRule(allow_private=True).check("intranet.test", 80, [address])  # the CLI's


@pytest.mark.usefixtures("subnet")
@pytest.mark.parametrize("address", FAR_AWAY)
def test_addresses_behind_a_router_stay_public(address: str) -> None:
    assert not is_forbidden_address(ipaddress.ip_address(address))
