"""Red team r2: a large routing table hid this machine's own addresses.

The guard learns which addresses are this machine's, and which networks are on its own
links, from the kernel's tables (``/proc/net/fib_trie``, ``/proc/net/route``,
``/proc/net/ipv6_route``). Each table was read up to its first 4 MB and the rest was
dropped without a word. The kernel lists ``fib_trie`` in address order, so on a host
with a large table (a Kubernetes node routing every other node's pod blocks, a host
that takes a BGP feed) an address of ours sorting past the cut -- ``203.0.113.7`` on
the card, Redis on ``0.0.0.0`` -- was a public address again, and an upload's
``http://203.0.113.7:6379/`` was sent. A subnet on our own link listed past the cut
of ``/proc/net/route`` was "public" too.

Now every table is read whole, in line-aligned pieces (an address line and its
``host LOCAL`` line are never split apart), up to a bound no real table reaches.

The tables here are written to files; the connection test stands 127.0.0.2 in for
"a public address", as the other SSRF tests do, with a real listener that counts what
reaches it.
"""

from __future__ import annotations

import asyncio
import ipaddress
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.own_addresses import OwnAddresses
from citeaudit.links.safety import IPAddress
from citeaudit.links.targets import target_for
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck
from tests.security.test_ssrf_hops import SERVICE
from tests.stand_ins.private_service import PrivateService

OURS = "203.0.113.7"
PUBLIC = ipaddress.ip_address("127.0.0.2")
PIECE = 4 * 2**20  # the old bound, and the size of a piece now


def _route(i: int) -> str:
    """One routed /24 as fib_trie shows it (10.a.b.0/24 via a gateway)."""
    a, b = divmod(i, 256)
    net = f"10.{a % 256}.{b}.0"
    return f"     +-- {net}/24 2 0 2\n        |-- {net}\n           /24 universe UNICAST\n"


def big_fib_trie(local: str, routes: int = 100_000, pad_to: int | None = None) -> str:
    """A Main table of `routes` routes (well over 4 MB), then `local` as ours."""
    head = "Main:\n  +-- 0.0.0.0/0 3 0 5\n     |-- 0.0.0.0\n        /0 universe UNICAST\n"
    body = "".join(_route(i) for i in range(routes))
    text = head + body
    if pad_to is not None:
        # A blank line of the right length, so that the address line of `local` ends
        # exactly at a piece boundary: the address in one piece, its "host LOCAL" line
        # in the next.
        line = f"        |-- {local}\n"
        pad = pad_to - len(text.encode()) - len(line)
        assert pad > 0
        text += " " * (pad - 1) + "\n"
        assert len((text + line).encode()) == pad_to
    return text + f"        |-- {local}\n           /32 host LOCAL\n"


def own_from(tmp_path: Path, fib: str = "", route: str = "") -> OwnAddresses:
    (tmp_path / "fib").write_text(fib)
    (tmp_path / "route").write_text(route)
    return OwnAddresses(
        fib_trie=tmp_path / "fib",
        if_inet6=tmp_path / "absent",
        ipv6_route=tmp_path / "absent",
        route=tmp_path / "route",
    )


def test_an_address_of_ours_past_four_megabytes_of_routes_is_still_ours(tmp_path: Path) -> None:
    fib = big_fib_trie(OURS)
    assert len(fib.encode()) > 2 * PIECE  # past the old cut, over two pieces
    own = own_from(tmp_path, fib)
    assert ipaddress.ip_address(OURS) in own


def test_an_address_line_at_the_end_of_a_piece_keeps_its_local_line(tmp_path: Path) -> None:
    fib = big_fib_trie(OURS, routes=10, pad_to=PIECE)
    own = own_from(tmp_path, fib)
    assert ipaddress.ip_address(OURS) in own


def _route_line(network: str, gateway: str = "00000000") -> str:
    """A /proc/net/route line (addresses in the machine's byte order)."""
    net = ipaddress.IPv4Network(network)

    def hex_of(address: ipaddress.IPv4Address) -> str:
        return int.from_bytes(address.packed, sys.byteorder).to_bytes(4, "big").hex().upper()

    flags = "0003" if gateway != "00000000" else "0001"
    line = (
        f"eth0\t{hex_of(net.network_address)}\t{gateway}\t{flags}\t0\t0\t0\t"
        f"{hex_of(net.netmask)}\t0\t0\t0"
    )
    return line.ljust(127) + "\n"  # the kernel pads each line to 128 bytes


def test_a_subnet_on_our_link_past_four_megabytes_of_routes_is_on_our_link(
    tmp_path: Path,
) -> None:
    header = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
    gateway = "010200C0"
    # 80,000 routes through the gateway, written as _route_line would (faster).
    through = _route_line("10.0.0.0/24", gateway)
    lines = [
        through.replace("\t0000000A\t", f"\t{(i % 65536) << 8 | 10:08X}\t", 1)
        for i in range(80_000)
    ]
    route = header + "".join(lines) + _route_line("198.51.100.0/24")
    assert len(route.encode()) > PIECE
    own = own_from(tmp_path, route=route)
    assert own.on_link(ipaddress.ip_address("198.51.100.20"))
    # The routes through a gateway are still no link of ours.
    assert not own.on_link(ipaddress.ip_address("10.0.5.9"))


# -- the hop: an upload's link to our own address, listed past the cut ---------------


@pytest.fixture
def ours_listening() -> Iterator[PrivateService]:
    service = PrivateService("127.0.0.2").start()
    yield service
    service.stop()


def test_a_link_to_our_own_address_listed_late_in_a_large_table_is_not_sent(
    tmp_path: Path, ours_listening: PrivateService
) -> None:
    """127.0.0.2 plays a public address on our own card, listed past 4 MB of routes."""
    own = own_from(tmp_path, big_fib_trie("127.0.0.2"))

    def forbidden(ip: IPAddress) -> bool:  # the guard's rule: public unless ours
        return ip != PUBLIC or ip in own

    async def go() -> list[LinkCheck]:
        transport = PerHostTransport(per_host=2, allow_private=False, forbidden=forbidden)
        async with LinkChecker(
            SERVICE, archive_url=None, probe_urls=(), transport=transport
        ) as checker:
            return await checker.check_all([target_for(ours_listening.url("/admin"))])

    [check] = asyncio.run(go())
    assert ours_listening.contacts == 0
    assert check.reason == "private-address"


def _route6_line(network: str, next_hop: str = "0" * 32, flags: str = "00000001") -> str:
    net = ipaddress.IPv6Network(network)
    dest = f"{int(net.network_address):032x}"
    return (
        f"{dest} {net.prefixlen:02x} {'0' * 32} 00 {next_hop} 00000100 00000001 00000000 "
        f"{flags}     eth0\n"
    )


def test_a_local_ipv6_prefix_past_four_megabytes_of_routes_is_ours(tmp_path: Path) -> None:
    """An AnyIP prefix (RTF_LOCAL) and an on-link /64 listed after 4 MB of routes
    through a gateway: still ours, and still our link."""
    gateway = "fe80" + "0" * 27 + "1"
    through = _route6_line("2001:db8::/64", gateway, "00000003")  # then renumbered
    routes = "".join(
        through.replace("20010db8000000000000", f"20010db80000{i:08x}", 1) for i in range(40_000)
    )
    routes += _route6_line("2001:db8:aaaa::/48", flags="80200001")  # local, as a whole
    routes += _route6_line("2001:db8:bbbb:1::/64")  # on our link
    assert len(routes.encode()) > PIECE
    (tmp_path / "route6").write_text(routes)
    own = OwnAddresses(
        fib_trie=tmp_path / "absent",
        if_inet6=tmp_path / "absent",
        ipv6_route=tmp_path / "route6",
        route=tmp_path / "absent",
    )
    assert ipaddress.ip_address("2001:db8:aaaa:5::1") in own
    assert own.on_link(ipaddress.ip_address("2001:db8:bbbb:1::9"))
    assert not own.on_link(ipaddress.ip_address("2001:db8:0:5::9"))  # via the gateway
