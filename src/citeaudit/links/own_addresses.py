"""The addresses this machine answers on itself: never a link's destination.

A server with a public address on its own network card (a cloud VM with an elastic
address, a bare-metal host) reaches its own services through that address exactly as
through 127.0.0.1: ``http://<our-public-ip>:6379/`` is Redis, ``:5432`` PostgreSQL,
bound to 0.0.0.0. Judging the address alone ("public, so fine") lets a manuscript's
link read them. So every address the kernel calls local -- read from its own tables,
not guessed -- is refused like loopback.

Linux only (``/proc/net/fib_trie``: the IPv4 "host LOCAL" routes; ``/proc/net/if_inet6``:
every IPv6 address on an interface). Elsewhere the set is empty and the deployment's
egress firewall must stand in (the README's trust model says so). The tables are read
again after `ttl` seconds, so an address added while a worker runs is soon refused too,
and each is read whole, in pieces (`_pieces`): only its first 4 MB were, and fib_trie
lists addresses in order, so on a host with a large table (a node routing every other
node's pod blocks, a BGP feed) an address of ours sorting past the cut was public again.

A local route may cover a whole prefix ("AnyIP": ``ip route add local 198.51.100.0/24
dev lo``, or an IPv6 /64 a proxy sends from): the kernel answers every address of it
itself, so a service bound to 0.0.0.0 or :: is reached through any of them. Only the
/32 routes were read, and ``http://[<prefix>::1234]:6379/`` reached our own Redis.
Those prefixes are ours too: the IPv4 "host LOCAL" routes of any length, and the IPv6
routes the kernel marks local (``RTF_LOCAL`` in ``/proc/net/ipv6_route``).

So are our neighbours: a network on one of our own links (a route with no gateway,
``/proc/net/route`` and ``/proc/net/ipv6_route``) is reached without a router, where
firewalls trust "the same subnet" -- a cloud subnet's global IPv6 /64, a bare-metal
server's public block. Its addresses are refused like private ones (`on_link`). Only
routes of a /16 (IPv4) or /48 (IPv6) or narrower count, never the loopback device's:
a tunnel that takes half the Internet with ``0.0.0.0/1 dev wg0`` is no subnet.

And so is our own site, behind our own router (`inside`). A dual-stack network numbers
its machines with global IPv6 addresses -- a cloud VPC one /56, a /64 per subnet --
and its firewalls trust the VPC: a link to the database subnet's
``2600:1f18:aaaa:bb02::20`` from a worker on ``...:bb01::10`` was "public". The /56
around each global IPv6 address of ours is refused like our subnet (RFC 6177's
smallest site, AWS's VPC). A network numbered from public IPv4 space (a campus /16)
or an IPv6 site larger than that shows in no table of ours: the operator declares it,
``CITEAUDIT_INTERNAL_NETWORKS=130.79.0.0/16,2001:db8:10::/48``.

And so is the next hop of our default routes (`gateways`: ``/proc/net/route``'s and
``/proc/net/ipv6_route``'s routes to 0.0.0.0/0 and ::/0). In a container it is the
machine the container runs on (Docker's 172.17.0.1): every port the host publishes,
its own Redis or Docker API bound to 0.0.0.0, answers there. Outside one it is the
router, whose admin page is no citation either. It is refused as this machine is
(`safety.is_own_machine`), so with private networks allowed it stays refused unless
this machine is allowed by name.

And so is every address a container runtime gives that machine in our hosts file
(`parse_host_machine`: ``host.docker.internal``, ``host.containers.internal``...). The
machine a container runs on answers on each of its own addresses, and we know only the
one our default route names: a compose network's gateway is 172.18.0.1 while the same
machine is also docker0's 172.17.0.1 (what compose's ``host-gateway`` names it), and
Podman names it by the machine's own LAN or public address. Those names were refused
(`safety.names_host_machine`), their addresses were a link like any other: an intranet
page where private networks are allowed, a public one where they are not, and a service
of that machine bound to 0.0.0.0 answered there.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import re
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "HOST_MACHINE_NAMES",
    "OwnAddresses",
    "internal_networks",
    "own_addresses",
    "parse_default_gateways",
    "parse_fib_trie",
    "parse_fib_trie_networks",
    "parse_host_machine",
    "parse_if_inet6",
    "parse_ipv6_default_gateways",
    "parse_ipv6_on_link",
    "parse_ipv6_route",
    "parse_route",
    "site_networks",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Names container runtimes and local VMs give the machine they run on (and, for
# Docker Desktop's Kubernetes, its API on that machine's loopback). Its address is not
# always the container's default gateway (`OwnAddresses.gateway`): Docker Desktop's
# host.docker.internal is 192.168.65.254, Podman's host.containers.internal the host's
# own LAN address. Each is this machine by name, as ``localhost`` is.
HOST_MACHINE_NAMES = frozenset(
    {
        "host.docker.internal",
        "gateway.docker.internal",
        "kubernetes.docker.internal",
        "host.containers.internal",
        "host.lima.internal",
        "host.minikube.internal",
        "host.k3d.internal",
        "host.orb.internal",
        "host.testcontainers.internal",
    }
)

_FIB_ADDRESS = re.compile(r"^\s*\|--\s+(\d{1,3}(?:\.\d{1,3}){3})\s*$")
_FIB_LOCAL = re.compile(r"^\s*/32\s+host\s+LOCAL\s*$")
_FIB_LOCAL_PREFIX = re.compile(r"^\s*/(\d{1,2})\s+host\s+LOCAL\s*$")
_RTF_LOCAL = 0x80000000
_RTF_GATEWAY = 0x2
_RTF_REJECT = 0x200
_NARROWEST = {4: 16, 6: 48}  # on-link routes wider than these are not a subnet of ours
_NOT_A_SUBNET = (ipaddress.IPv6Network("fe80::/10"), ipaddress.IPv6Network("ff00::/8"))
# A table is read in pieces of `PIECE` bytes (each parsed, then let go), up to
# `MAX_TABLE` bytes: a full BGP feed in fib_trie is about 100 MB. Past that the rest is
# not read (no real table of a machine that runs us is that large).
PIECE = 4 * 2**20
MAX_TABLE = 512 * 2**20
_SITE = 56  # an IPv6 site around an address of ours (RFC 6177; a VPC's prefix)
_GLOBAL6 = ipaddress.IPv6Network("2000::/3")
_SETTING = "CITEAUDIT_INTERNAL_NETWORKS"


def parse_fib_trie(text: str) -> frozenset[IPAddress]:
    """The IPv4 addresses the kernel routes to itself: an address line followed by its
    ``/32 host LOCAL`` line."""
    found: set[IPAddress] = set()
    last: str | None = None
    for line in text.splitlines():
        address = _FIB_ADDRESS.match(line)
        if address is not None:
            last = address.group(1)
        elif last is not None and _FIB_LOCAL.match(line):
            with contextlib.suppress(ValueError):
                found.add(ipaddress.IPv4Address(last))
    return frozenset(found)


def parse_fib_trie_networks(text: str) -> frozenset[IPNetwork]:
    """The IPv4 prefixes the kernel routes to itself as a whole (local routes shorter
    than /32; a /0 is ignored)."""
    found: set[IPNetwork] = set()
    last: str | None = None
    for line in text.splitlines():
        address = _FIB_ADDRESS.match(line)
        if address is not None:
            last = address.group(1)
            continue
        local = _FIB_LOCAL_PREFIX.match(line)
        if last is not None and local is not None and 0 < int(local.group(1)) < 32:
            with contextlib.suppress(ValueError):
                found.add(ipaddress.IPv4Network(f"{last}/{local.group(1)}", strict=False))
    return frozenset(found)


def parse_ipv6_route(text: str) -> frozenset[IPNetwork]:
    """The IPv6 prefixes the kernel marks local (``RTF_LOCAL``), shorter than /128
    (the addresses themselves are in if_inet6; a ::/0 is ignored)."""
    found: set[IPNetwork] = set()
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 9 or len(fields[0]) != 32:
            continue
        try:
            length = int(fields[1], 16)
            flags = int(fields[8], 16)
            if flags & _RTF_LOCAL and 0 < length < 128:
                found.add(ipaddress.IPv6Network((int(fields[0], 16), length), strict=False))
        except ValueError:
            continue
    return frozenset(found)


def parse_route(text: str) -> frozenset[IPNetwork]:
    """The IPv4 networks on our own links: /proc/net/route's routes without a gateway
    (addresses in the machine's byte order), /16 or narrower, not the loopback's."""
    found: set[IPNetwork] = set()
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 8 or fields[0] in ("lo", "Iface"):  # "Iface": the header
            continue
        try:
            destination = int(fields[1], 16).to_bytes(4, sys.byteorder)
            flags = int(fields[3], 16)
            mask = int(fields[7], 16).to_bytes(4, sys.byteorder)
            if flags & (_RTF_GATEWAY | _RTF_REJECT):
                continue
            length = ipaddress.IPv4Network(f"0.0.0.0/{ipaddress.IPv4Address(mask)}").prefixlen
            network = ipaddress.IPv4Network((destination, length), strict=False)
        except (ValueError, OverflowError):
            continue
        if length >= _NARROWEST[4]:
            found.add(network)
    return frozenset(found)


def parse_default_gateways(text: str) -> frozenset[IPAddress]:
    """The next hops of /proc/net/route's default routes (destination and mask 0,
    through a gateway), in the machine's byte order like every address there."""
    found: set[IPAddress] = set()
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 8 or fields[0] in ("lo", "Iface"):
            continue
        try:
            destination, gateway = int(fields[1], 16), int(fields[2], 16)
            flags, mask = int(fields[3], 16), int(fields[7], 16)
            if destination or mask or not flags & _RTF_GATEWAY or flags & _RTF_REJECT:
                continue
            found.add(ipaddress.IPv4Address(gateway.to_bytes(4, sys.byteorder)))
        except (ValueError, OverflowError):
            continue
    return frozenset(found)


def parse_ipv6_default_gateways(text: str) -> frozenset[IPAddress]:
    """The next hops of /proc/net/ipv6_route's default routes (``::/0``)."""
    found: set[IPAddress] = set()
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 10 or len(fields[0]) != 32 or fields[9] == "lo":
            continue
        try:
            length, next_hop = int(fields[1], 16), int(fields[4], 16)
            flags = int(fields[8], 16)
        except ValueError:
            continue
        if int(fields[0], 16) or length or not next_hop or flags & _RTF_REJECT:
            continue
        found.add(ipaddress.IPv6Address(next_hop))
    return frozenset(found)


def parse_ipv6_on_link(text: str) -> frozenset[IPNetwork]:
    """The IPv6 networks on our own links: routes with no next hop that are neither
    local nor rejected, /48 or narrower, not link-local, multicast or the loopback's."""
    found: set[IPNetwork] = set()
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 10 or len(fields[0]) != 32 or fields[9] == "lo":
            continue
        try:
            length = int(fields[1], 16)
            next_hop = int(fields[4], 16)
            flags = int(fields[8], 16)
            network = ipaddress.IPv6Network((int(fields[0], 16), length), strict=False)
        except ValueError:
            continue
        if next_hop or flags & (_RTF_GATEWAY | _RTF_REJECT | _RTF_LOCAL):
            continue
        if length >= _NARROWEST[6] and not any(network.subnet_of(n) for n in _NOT_A_SUBNET):
            found.add(network)
    return frozenset(found)


def parse_if_inet6(text: str) -> frozenset[IPAddress]:
    """The IPv6 addresses on this machine's interfaces (32 hex digits each line)."""
    found: set[IPAddress] = set()
    for line in text.splitlines():
        digits = line.split(maxsplit=1)[0] if line.strip() else ""
        if len(digits) == 32:
            with contextlib.suppress(ValueError):
                found.add(ipaddress.IPv6Address(int(digits, 16)))
    return frozenset(found)


def site_networks(addresses: frozenset[IPAddress]) -> frozenset[IPNetwork]:
    """The IPv6 site (/56) around each global IPv6 address of ours."""
    keep = 128 - _SITE
    return frozenset(
        ipaddress.IPv6Network((int(a) >> keep << keep, _SITE))
        for a in addresses
        if isinstance(a, ipaddress.IPv6Address) and a in _GLOBAL6
    )


def internal_networks(text: str) -> tuple[IPNetwork, ...]:
    """The networks the operator declares internal (``CITEAUDIT_INTERNAL_NETWORKS``):
    comma-separated, exact (no host bits), never the whole Internet; ``none`` or
    nothing for none. A value that is none of these is an error naming the setting."""
    found: list[IPNetwork] = []
    for part in text.split(","):
        part = part.strip()
        if not part or part.lower() == "none":
            continue
        try:
            network = ipaddress.ip_network(part, strict=True)
        except ValueError as exc:
            raise ValueError(f"{_SETTING}: {part}: {exc}") from None
        if network.prefixlen == 0:
            raise ValueError(f"{_SETTING}: {part}: the whole Internet is no internal network")
        found.append(network)
    return tuple(found)


def parse_host_machine(text: str) -> frozenset[IPAddress]:
    """The addresses a hosts file's `text` gives the machine a container runs on: a
    line's address, when one of its names (case and a final dot aside) is one of
    `HOST_MACHINE_NAMES`. Comments, lines that name no address and zones are dropped
    (``fe80::1%eth0`` is fe80::1)."""
    found: set[IPAddress] = set()
    for line in text.splitlines():
        fields = line.partition("#")[0].split()
        if len(fields) < 2:
            continue
        if not any(name.lower().rstrip(".") in HOST_MACHINE_NAMES for name in fields[1:]):
            continue
        with contextlib.suppress(ValueError):
            found.add(ipaddress.ip_address(fields[0].split("%", 1)[0]))
    return frozenset(found)


def _pieces(path: Path) -> Iterator[str]:
    """`path` in line-aligned pieces of about `PIECE` bytes, up to `MAX_TABLE` bytes in
    all (nothing when it cannot be read).

    A table is read whole: what lies past a cut is as much ours as what lies before it
    (fib_trie lists addresses in order, so a cut dropped the higher ones). A line
    longer than a piece is not one of the kernel's and is dropped."""
    try:
        handle = path.open("rb")
    except OSError:
        return
    with handle:
        left = MAX_TABLE
        rest = b""
        while left > 0:
            try:
                data = handle.read(min(PIECE, left))
            except OSError:
                return
            if not data:
                break
            left -= len(data)
            data = rest + data
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                rest = b"" if len(data) > PIECE else data
                continue
            rest = data[cut:]
            yield data[:cut].decode("ascii", "replace")
        if rest and left > 0:
            yield rest.decode("ascii", "replace")


def _fib_pieces(path: Path) -> Iterator[str]:
    """`_pieces` of a fib_trie, each after the last address line of the one before: an
    address and its ``host LOCAL`` line on either side of a cut stay together."""
    carried = ""
    for piece in _pieces(path):
        yield carried + piece
        at = piece.rfind("|--")
        if at != -1:
            carried = piece[piece.rfind("\n", 0, at) + 1 : piece.find("\n", at) + 1]


def _fib_local(piece: str) -> str:
    """The lines of a fib_trie piece the parsers keep: each ``host LOCAL`` line after
    the address line it belongs to (the last ``|--`` line before it). A table of a
    million routes has a handful of them: found with `str.find`, not read line by line."""
    kept: list[str] = []
    at = piece.find("host LOCAL")
    while at != -1:
        start = piece.rfind("\n", 0, at) + 1
        end = piece.find("\n", at)
        end = len(piece) if end == -1 else end
        leaf = piece.rfind("|--", 0, start)
        if leaf != -1:
            kept.append(piece[piece.rfind("\n", 0, leaf) + 1 : piece.find("\n", leaf)])
        kept.append(piece[start:end])
        at = piece.find("host LOCAL", end)
    return "\n".join(kept)


# The lines of /proc/net/route and /proc/net/ipv6_route the parsers can keep, found
# in one scan of a piece (a large table is nearly all routes through a gateway): an
# IPv4 route with no gateway; an IPv6 route with no next hop, or flagged local.
_ROUTE_DIRECT = re.compile(r"^[^\t\n]*\t[0-9A-Fa-f]{8}\t0{8}\t[^\n]*$", re.MULTILINE)
_ROUTE6_KEPT = re.compile(
    r"^[0-9a-fA-F]{32} [0-9a-fA-F]{2} [0-9a-fA-F]{32} [0-9a-fA-F]{2} "
    r"(?:0{32} [^\n]*|[0-9a-fA-F]{32}(?: [0-9a-fA-F]{8}){3} [89a-fA-F][^\n]*)$",
    re.MULTILINE,
)


# Default routes (destination 0), found the same way: a handful in a large table.
_ROUTE_DEFAULT = re.compile(r"^[^\t\n]*\t0{8}\t[^\n]*$", re.MULTILINE)
_ROUTE6_DEFAULT = re.compile(r"^0{32} 00 [^\n]*$", re.MULTILINE)


def _kept(pattern: re.Pattern[str], piece: str) -> str:
    return "\n".join(m.group(0) for m in pattern.finditer(piece))


@dataclass
class OwnAddresses:
    """This machine's own addresses, read from the kernel's tables and kept `ttl` s."""

    fib_trie: Path = Path("/proc/net/fib_trie")
    if_inet6: Path = Path("/proc/net/if_inet6")
    ipv6_route: Path = Path("/proc/net/ipv6_route")
    route: Path = Path("/proc/net/route")
    hosts: Path = Path("/etc/hosts")  # the container runtime's names for its machine
    ttl: float = 30.0
    declared: tuple[IPNetwork, ...] = ()  # the operator's (`internal_networks`)
    _known: frozenset[IPAddress] = field(default=frozenset(), init=False)
    _networks: tuple[IPNetwork, ...] = field(default=(), init=False)
    _on_link: tuple[IPNetwork, ...] = field(default=(), init=False)
    _site: tuple[IPNetwork, ...] = field(default=(), init=False)
    _gateways: frozenset[IPAddress] = field(default=frozenset(), init=False)
    _read_at: float = field(default=float("-inf"), init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def current(self) -> frozenset[IPAddress]:
        now = time.monotonic()
        if now - self._read_at < self.ttl:
            return self._known
        with self._lock:
            if now - self._read_at >= self.ttl:
                known: set[IPAddress] = set()
                networks: set[IPNetwork] = set()
                on_link: set[IPNetwork] = set()
                for fib in _fib_pieces(self.fib_trie):
                    local = _fib_local(fib)
                    known |= parse_fib_trie(local)
                    networks |= parse_fib_trie_networks(local)
                for inet6 in _pieces(self.if_inet6):
                    known |= parse_if_inet6(inet6)
                for hosts in _pieces(self.hosts):
                    known |= parse_host_machine(hosts)
                gateways: set[IPAddress] = set()
                for routes6 in _pieces(self.ipv6_route):
                    kept = _kept(_ROUTE6_KEPT, routes6)
                    networks |= parse_ipv6_route(kept)
                    on_link |= parse_ipv6_on_link(kept)
                    gateways |= parse_ipv6_default_gateways(_kept(_ROUTE6_DEFAULT, routes6))
                for routes in _pieces(self.route):
                    on_link |= parse_route(_kept(_ROUTE_DIRECT, routes))
                    gateways |= parse_default_gateways(_kept(_ROUTE_DEFAULT, routes))
                self._gateways = frozenset(gateways)
                self._known = frozenset(known)
                self._networks = tuple(networks)
                self._on_link = tuple(on_link)
                self._site = tuple(site_networks(self._known))
                self._read_at = now
        return self._known

    def networks(self) -> tuple[IPNetwork, ...]:
        """The prefixes routed to this machine as a whole (read with `current`)."""
        self.current()
        return self._networks

    def gateway(self, address: IPAddress) -> bool:
        """`address` is the next hop of one of our default routes (in a container, the
        machine it runs on)."""
        self.current()
        return address in self._gateways

    def on_link(self, address: IPAddress) -> bool:
        """`address` is on one of our own links: a neighbour, reached without a router."""
        self.current()
        return any(address.version == net.version and address in net for net in self._on_link)

    def inside(self, address: IPAddress) -> bool:
        """`address` is in our own network behind a router: the IPv6 site of an address
        of ours, or a network the operator declares internal."""
        self.current()
        return any(
            address.version == net.version and address in net
            for net in (*self._site, *self.declared)
        )

    def __contains__(self, address: object) -> bool:
        if address in self.current():
            return True
        if not isinstance(address, ipaddress.IPv4Address | ipaddress.IPv6Address):
            return False
        return any(address.version == net.version and address in net for net in self._networks)


own_addresses = OwnAddresses(declared=internal_networks(os.environ.get(_SETTING, "")))
