"""Refusing targets on loopback, private, link-local, multicast or metadata addresses.

The check runs where the connection is made: the link checker's transport
(`transport.py`) resolves the host name itself, refuses the connection if any
address is not public, and then connects to the very addresses it checked (so a DNS
answer cannot change between the check and the connection). Every redirect hop
opens its connection through the same transport, so every hop is checked. Lookups
are cached for a short time (`Resolver`); the check itself runs on every connection.

`AddressRule` is the one decision, shared by that transport and by the synchronous
backend (`pinned.py`, for the registry clients and webhooks). It judges two things:
the addresses a name resolves to (`is_forbidden_address`, which also unwraps every
IPv4 address an IPv6 address carries: 6to4, NAT64, Teredo, ISATAP, mapped), and a
host that names an address by itself in any spelling some parser accepts
(`literal_address`: ``127.1``, ``0177.0.0.1``, ``2130706433``, ``127.0.0.1.``,
full-width digits, %-encoding, ``localhost.``), so such a URL is refused as a
private address -- on the first request and on every redirect hop, before any
parser that cannot read it calls it malformed or a name server is asked.

Services we are configured to use (a registry's base URL, which tests point at
loopback) are exempt by their exact origin (host and port) only: "private networks
allowed" for them would also let a redirect from them reach any other private service.
A configured name is exempt from the private-network test, never from the metadata
one (`exempt_refusal`): where it resolves is DNS's word, not the operator's.
"Private networks allowed" never reaches a cloud metadata service or any link-local
address (`is_metadata_address`). Name look-ups run in threads of their own
(`lookups.py`), so a silent name server holds no caller past its timeout.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import re
import socket
import time
import unicodedata
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import httpx
import idna

from citeaudit.links import lookups
from citeaudit.links.backends import OWN_SERVICES, BackendAddresses, service_backends
from citeaudit.links.delegated_tlds import DELEGATED_TLDS
from citeaudit.links.nat64 import carried_by_prefix, nat64_prefixes
from citeaudit.links.own_addresses import HOST_MACHINE_NAMES, own_addresses

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata endpoints: refused even where private networks are allowed
# (`is_metadata_address`). AWS, GCP, Azure, OpenStack, Oracle, DigitalOcean
# (169.254.169.254; AWS and GCP over IPv6 too), ECS tasks (169.254.170.2), Alibaba
# (100.100.100.200), Oracle Cloud Classic (192.0.0.192) and Azure's WireServer
# (168.63.129.16, a global address that only answers inside Azure, and answers the
# VM's agent).
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",
        "169.254.170.2",
        "100.100.100.200",
        "168.63.129.16",
        "192.0.0.192",
        "fd00:ec2::254",
        "fd20:ce::254",
    )
)
# Whole prefixes clouds keep for the instance's own services over IPv6, unique-local
# addresses a listed endpoint was only one of: AWS's fd00:ec2::/32 (metadata ::254,
# DNS ::253, NTP ::123, and EKS Pod Identity's credentials at ::23), GCP's fd20:ce::/32
# (metadata ::254) and Akamai/Linode's metadata (fd00:a9fe:a9fe::1). With private
# networks allowed, only ::254 was refused: "http://[fd00:ec2::23]/v1/credentials" and
# Linode's metadata were links like any intranet page. So were the IPv6 twins of the
# other clouds' 169.254 services: Oracle Cloud's IMDS (fd00:c1::a9fe:a9fe, the OCI
# SDK's instance-principal endpoint), Scaleway's (fd00:42::42) and Alibaba's
# (fd00:100::100:200, its 100.100.100.200).
METADATA_NETWORKS = tuple(
    ipaddress.IPv6Network(n)
    for n in (
        "fd00:ec2::/32",
        "fd20:ce::/32",
        "fd00:a9fe:a9fe::/48",
        "fd00:c1::/32",
        "fd00:42::/32",
        "fd00:100::/32",
    )
)
_LINK_LOCAL = (ipaddress.ip_network("169.254.0.0/16"), ipaddress.ip_network("fe80::/10"))


def _networks(*cidrs: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(c) for c in cidrs)


# IANA's special-purpose ranges that are not globally reachable, written out rather
# than left to `ipaddress` (whose `is_global` and `is_private` changed between Python
# 3.11 patch releases), plus the deprecated ones (6to4 relays, site-local).
_V4_NOT_PUBLIC = _networks(
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
    "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
    "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
)  # fmt: skip
# IPv6 outside 2000::/3 (global unicast) is never public, except the NAT64 prefix,
# judged by the IPv4 address it carries. Inside it:
_V6_NOT_PUBLIC = _networks(
    "2001::/23",  # IETF protocol assignments: Teredo, benchmarking, ORCHID
    "2001:db8::/32",  # documentation
    "3fff::/20",  # documentation
)
_V6_GLOBAL_UNICAST = ipaddress.ip_network("2000::/3")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052's well-known prefix
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215, local use
_NAT64_LOCAL_LENGTHS = (48, 56, 64, 96)  # the RFC 6052 prefix lengths a /48 holds
_SIIT = ipaddress.ip_network("::ffff:0:0:0/96")  # IPv4-translated (RFC 2765)
_COMPATIBLE = ipaddress.ip_network("::/96")  # IPv4-compatible (deprecated)


def embedded_ipv4(ip: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address, ...]:
    """Every IPv4 address an IPv6 address carries, and so may deliver to.

    IPv4-mapped and -translated, IPv4-compatible, 6to4 (the relay forwards to the
    embedded address), Teredo (its server and its client), NAT64 (the well-known and
    the local-use prefix at every RFC 6052 layout it can be cut to, and the network's own
    prefixes as its DNS64 shows them: `nat64`) and ISATAP interface ids.
    """
    found: list[ipaddress.IPv4Address] = []
    value = int(ip)
    low32 = ipaddress.IPv4Address(value & 0xFFFFFFFF)
    if ip.ipv4_mapped is not None:
        found.append(ip.ipv4_mapped)
    if ip in _SIIT or ip in _NAT64 or (ip in _COMPATIBLE and value > 1):
        found.append(low32)
    if ip in _NAT64_LOCAL:
        # RFC 8215's /48 is cut into a network's own prefix at any RFC 6052 length
        # that fits in it (a /64 per translator is common): read at each of them.
        found += [carried_by_prefix(ip, length) for length in _NAT64_LOCAL_LENGTHS]
    if ip.sixtofour is not None:
        found.append(ip.sixtofour)
    if ip.teredo is not None:
        found += list(ip.teredo)
    if (value >> 32) & 0xFDFFFFFF == 0x00005EFE:  # ISATAP: ::0:5efe:a.b.c.d, ::200:5efe:...
        found.append(low32)
    found += nat64_prefixes.carried(ip)
    return tuple(found)


def is_forbidden_address(ip: IPAddress) -> bool:
    """True for any address a public link must never make us connect to.

    An IPv6 address that carries an IPv4 address is forbidden when the IPv4 address
    is: a 6to4 or NAT64 form of a private address reaches that private address. Any
    address of this machine's own interfaces is forbidden too, public or not
    (`own_addresses`: our public address reaches our own Redis as 127.0.0.1 does), and
    so is any address on one of our own links (`OwnAddresses.on_link`: a subnet's
    neighbours trust each other, public addresses or not) or in our own site behind
    a router (`OwnAddresses.inside`: an IPv6 VPC's other subnets, a declared network).
    """
    if _ours(ip):
        return True
    if isinstance(ip, ipaddress.IPv4Address):
        return (
            ip in METADATA_ADDRESSES
            or any(ip in net for net in _V4_NOT_PUBLIC)
            or ip.is_loopback
            or ip.is_private
            or ip.is_link_local
            or ip.is_multicast
            or ip.is_reserved
            or ip.is_unspecified
            or not ip.is_global
        )
    if ip.scope_id:
        ip = ipaddress.IPv6Address(int(ip))  # the zone does not change where it goes
        if _ours(ip):
            return True
    carried = embedded_ipv4(ip)
    if any(is_forbidden_address(v4) for v4 in carried):
        return True
    if ip.ipv4_mapped is not None or ip in _NAT64:
        return False  # judged by the IPv4 address alone
    if nat64_prefixes.pending():
        return True  # the network's NAT64 prefixes unknown: it may be synthesized (`nat64`)
    return (
        ip in METADATA_ADDRESSES
        or ip not in _V6_GLOBAL_UNICAST
        or any(ip in net for net in _V6_NOT_PUBLIC)
        or ip.is_site_local
        or ip.is_private
        or ip.is_multicast
        or ip.is_reserved
        or not ip.is_global
    )


def _ours(ip: IPAddress) -> bool:
    """`ip` is this machine's, a neighbour's on our links, or in our own network."""
    return ip in own_addresses or own_addresses.on_link(ip) or own_addresses.inside(ip)


_THIS_MACHINE_V4 = _networks("127.0.0.0/8", "0.0.0.0/8")


def is_own_machine(ip: IPAddress) -> bool:
    """An address that reaches this machine itself, however carried: loopback, the
    unspecified address (``0.0.0.0`` and ``::`` connect to the local host), any address
    of our own interfaces (`own_addresses`, public ones too), our default gateway (a
    container's host), or an IPv6 address that carries one of them (mapped, NAT64,
    6to4...).

    Refused even where private networks are allowed, unless this machine is allowed by
    name (`AddressRule.allow_own_machine`): "the intranet's pages may be checked" does
    not say "an upload may speak to our own Redis, database or admin port".
    """
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            ip = ipaddress.IPv6Address(int(ip))
        if ip.is_loopback or ip.is_unspecified:
            return True
        if any(is_own_machine(v4) for v4 in embedded_ipv4(ip)):
            return True
    elif any(ip in net for net in _THIS_MACHINE_V4):
        return True
    # Our default gateway: in a container, the machine it runs on (`OwnAddresses.gateway`).
    return ip in own_addresses or own_addresses.gateway(ip)


def is_metadata_address(ip: IPAddress) -> bool:
    """A cloud metadata service or any link-local address, however carried.

    Refused even when private networks are allowed (the CLI's default, or a service
    told CITEAUDIT_ALLOW_PRIVATE_NETWORKS=true): "your intranet is yours" does not
    mean "the machine's cloud credentials are a link's to ask for". Link-local
    addresses are where every cloud puts its metadata service; no intranet page
    lives there. An IPv6 address that carries such an IPv4 address (6to4, NAT64,
    mapped...) is one too.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            ip = ipaddress.IPv6Address(int(ip))
        if any(is_metadata_address(v4) for v4 in embedded_ipv4(ip)):
            return True
        if any(ip in net for net in METADATA_NETWORKS):
            return True
    return ip in METADATA_ADDRESSES or any(ip in net for net in _LINK_LOCAL)


# What separates labels in a host name, as IDNA (UTS 46) reads it.
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
_LOOPBACK = ipaddress.IPv4Address("127.0.0.1")


_CACHED_HOST = 256  # longer hosts are read afresh each time, never remembered


def literal_address(host: str) -> IPAddress | None:
    """The address `host` names by itself, however it is spelled, or None for a name.

    Remembered for the last few thousand hosts of up to `_CACHED_HOST` characters: a
    hostile Location's host may be 64 KB, and a process-wide cache of those held
    hundreds of megabytes past the audit (a long host can still name an address:
    IDNA drops "ignored" code points, so it is read, just not kept).
    """
    if len(host) <= _CACHED_HOST:
        return _literal_remembered(host)
    return _literal_address(host)


@functools.lru_cache(maxsize=4096)
def _literal_remembered(host: str) -> IPAddress | None:
    return _literal_address(host)


def _literal_address(host: str) -> IPAddress | None:
    """`literal_address`, not remembered.

    Parsers disagree on hosts: the C library and browsers read ``127.1``,
    ``0x7f.1``, ``0177.0.0.1`` and ``2130706433`` as 127.0.0.1; IDNA maps
    ``１２７．０．０．１`` and ``127.0.0.1。`` to it; a browser percent-decodes
    ``127%2e0%2e0%2e1``; ``localhost`` and ``*.localhost`` are loopback (RFC 6761)
    whatever a resolver says. Any reading that gives an address gives it here, so
    the address rule judges what some hop might connect to, not one parser's view.
    """
    raw = host.strip()
    if raw.startswith("[") and raw.endswith("]"):
        raw = raw[1:-1]
    # As written and %-decoded: an IPv6 zone is not %-decoded by the clients
    # ("::1%01" connects to ::1 on interface 1; decoded first, it read "::1\x01",
    # no address at all, and passed).
    for text in dict.fromkeys((raw, unquote(raw))):
        for reading in _readings(text):
            address = _address_in(reading)
            if address is not None:
                return address
    return None


def _system_literal(host: str) -> IPAddress | None:
    """The address the system's own reading gives `host` (``ipaddress`` with its
    zone for IPv6, the C library's ``inet_aton`` for IPv4), or None."""
    text = host.strip().strip("[]")
    try:
        if ":" in text:
            return ipaddress.ip_address(text.split("%", 1)[0])
        return ipaddress.IPv4Address(socket.inet_aton(text))
    except (OSError, ValueError, UnicodeError):
        return None


def connects_unresolved(host: str) -> bool:
    """A client connects to `host` without asking a resolver: it takes it for an IP
    literal (aiohttp: any host with a colon, or of digits and dots only). Such a
    host is judged by what it names itself (`literal_address`), or not sent."""
    host = host.strip().strip("[]")
    return ":" in host or (bool(host) and host.replace(".", "").isdigit())


def _readings(text: str) -> tuple[str, ...]:
    """`text` as IDNA's mapping (UTS 46, the table yarl and httpx use) and as NFKC
    with case folding read it: UTS 46 also drops "ignored" code points (a soft
    hyphen, a variation selector: ``1\u00ad27.0.0.1`` is 127.0.0.1) and knows
    characters newer than this Python's Unicode database."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    readings = [folded.casefold().translate(_DOTS)]
    try:
        mapped = idna.uts46_remap(text, std3_rules=False, transitional=False)
    except (idna.IDNAError, ValueError):
        return tuple(readings)
    mapped = mapped.translate(_DOTS)
    if mapped not in readings:
        readings.insert(0, mapped)
    return tuple(readings)


def _address_in(text: str) -> IPAddress | None:
    text = text.split("%", 1)[0] if ":" in text else text  # an IPv6 zone
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    name = text.rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return _LOOPBACK
    return _ipv4_number(name)


def _ipv4_number(name: str) -> ipaddress.IPv4Address | None:
    """The WHATWG URL (and inet_aton) reading of a dotted number: 1 to 4 parts, each
    decimal, octal (leading 0) or hex (0x); the last part fills the remaining bytes."""
    parts = name.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers: list[int] = []
    for part in parts:
        try:
            if part[:2] in ("0x", "0X"):
                numbers.append(int(part[2:] or "0", 16))
            elif len(part) > 1 and part.startswith("0"):
                numbers.append(int(part[1:], 8))
            elif part.isdigit() and part.isascii():
                numbers.append(int(part))
            else:
                return None
        except ValueError:
            return None
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for i, n in enumerate(head):
        value += n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


# Top-level domains kept for local networks: no public name server answers for them,
# only a site's own (RFC 6761/6762/8375, ICANN's ".internal", and the suffixes ICANN's
# name-collision report found private networks using: ".mail" is, with ".home" and
# ".corp", one it will never delegate), and Consul's DNS interface (".consul":
# ``vault.service.consul`` is a cluster's service, known or not by the answer).
LOCAL_TLDS = frozenset(
    {
        "local",
        "localdomain",
        "internal",
        "intranet",
        "lan",
        "home",
        "corp",
        "mail",
        "private",
        "consul",
    }
)
LOCAL_SUFFIXES = ("home.arpa",)
# RFC 2606's top-level domains for tests and documentation, never delegated: judged as
# delegated ones are (looked up), the stand-in public hosts of tests and examples.
_TESTING_TLDS = frozenset({"test", "example", "invalid"})


@functools.lru_cache(maxsize=1024)
def _delegated(label: str) -> bool:
    """`label` (lower case, as `_readings` gives it: Unicode or an A-label) is a top-level
    domain the root zone delegates (`delegated_tlds`, IANA's list). Judged by its shape
    (letters, or an A-label), ``vault.svc``, ``redis.docker``, ``db.lab`` or
    ``api.staging.test`` was looked up, and its answer -- a private address, or no such
    name -- told an uploader which of our private zones' machines exist (rt36s)."""
    if label.isascii():
        return label in DELEGATED_TLDS or label in _TESTING_TLDS
    try:  # ".рф", ".中国": IDNA's mapping gives them back in Unicode
        ascii_label = idna.encode(label, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        return False
    return ascii_label in DELEGATED_TLDS


def is_local_name(host: str) -> bool:
    """`host` is a name only a local resolver can answer, in any reading of it.

    One label (``redis``: a compose service, a search-list name), a top-level domain
    kept for local use (``db.internal``, ``printer.local``, ``router.home.arpa``), or
    one under a top-level domain the root zone does not delegate (``redis.svc``,
    ``redis.myproject_default``: `delegated_tlds`). Where
    private networks are refused, such a name is refused before it is looked up: its
    answer could only tell an uploader what our own network holds (a name that
    resolves to a private address against one that does not exist). IP literals are
    not names (`literal_address` judges them). Remembered like `literal_address`.
    """
    if len(host) <= _CACHED_HOST:
        return _local_remembered(host)
    return _is_local_name(host)


@functools.lru_cache(maxsize=4096)
def _local_remembered(host: str) -> bool:
    return _is_local_name(host)


def _is_local_name(host: str) -> bool:
    if connects_unresolved(host) or not host.strip().strip("[]"):
        return False
    for reading in dict.fromkeys((host, unquote(host))):
        for text in _readings(reading.strip().strip("[]")):
            name = text.rstrip(".")
            if not name:
                continue
            labels = name.split(".")
            if len(labels) == 1 or labels[-1] in LOCAL_TLDS:
                return True
            if ".".join(labels[-2:]) in LOCAL_SUFFIXES or not _delegated(labels[-1]):
                return True
    return False


def names_host_machine(host: str) -> bool:
    """`host`, in any reading of it (`_readings`: case, final dots, full-width dots,
    ignored code points, %-encoding), is a name for the machine a container runs on
    (`HOST_MACHINE_NAMES`)."""
    if len(host) > _CACHED_HOST:
        return _names_host_machine(host)
    return _host_machine_remembered(host)


@functools.lru_cache(maxsize=4096)
def _host_machine_remembered(host: str) -> bool:
    return _names_host_machine(host)


def _names_host_machine(host: str) -> bool:
    for reading in dict.fromkeys((host, unquote(host))):
        for text in _readings(reading.strip().strip("[]")):
            if _host_machine_name(text.rstrip(".")):
                return True
    return False


def _host_machine_name(name: str) -> bool:
    """`name` (one reading, no final dot) is a runtime's name for the machine it runs on:
    a listed one (`HOST_MACHINE_NAMES`), or one of their shapes under ``.internal`` --
    Docker Desktop's own zone (``*.docker.internal``, its older
    ``docker.for.mac.host.internal`` and ``docker.for.win.http.internal``) and a
    runtime's ``host.<runtime>.internal`` (Rancher Desktop's
    ``host.rancher-desktop.internal``). The list alone left those a link to the host's
    ports, wherever private networks are allowed and this machine is not (rt37s)."""
    if name in HOST_MACHINE_NAMES:
        return True
    labels = name.split(".")
    if len(labels) < 2 or labels[-1] != "internal":
        return False
    return labels[-2] == "docker" or labels[0] == "docker" or "host" in labels[:-1]


def name_readings(host: str) -> frozenset[str]:
    """`host` as each reader may take it (`_readings`: case, final dots, full-width
    dots, ignored code points; as written and %-decoded), without brackets or final
    dots: the names a backend's own name is compared with (`AddressRule.host_refusal`).
    Remembered like `literal_address`."""
    if len(host) > _CACHED_HOST:
        return _name_readings(host)
    return _name_readings_remembered(host)


@functools.lru_cache(maxsize=4096)
def _name_readings_remembered(host: str) -> frozenset[str]:
    return _name_readings(host)


def _name_readings(host: str) -> frozenset[str]:
    found: set[str] = set()
    for reading in dict.fromkeys((host, unquote(host))):
        for text in _readings(reading.strip().strip("[]")):
            name = text.rstrip(".")
            if name:
                found.add(name)
    return frozenset(found)


def _backend_said(setting: str) -> str:
    """How a refusal names the backend `setting` names."""
    if setting == OWN_SERVICES:
        return "one of the deployment's own services"
    return f"the service's own {setting}"


def absolute_name(host: str) -> str:
    """`host` as an absolute name (``example.org.``) when it is a dotted name: the
    system resolver then asks for it alone, never for it joined to a search-list
    domain (``redis.prod`` read as ``redis.prod.svc.cluster.local``, a cluster's
    service; or a dead ``journal.org`` read as ``journal.org.corp.example``, which
    a wildcard answers). One label, an absolute name or an IP literal stays as it is."""
    if connects_unresolved(host) or host.endswith(".") or "." not in host:
        return host
    return host + "."


_TAB_NEWLINE = str.maketrans("", "", "\t\n\r")


# URLs longer than this are read afresh each time, never remembered (`url_hosts`).
_REMEMBERED_URL = 2048


def url_hosts(url: str) -> tuple[str, ...]:
    """The host of `url` as each parser we (or a hop) might use reads it (remembered
    for the last 4,096 URLs of up to `_REMEMBERED_URL` characters: a link is judged
    when it is prechecked and again as its request is made, each reading parsing it
    three ways -- a tenth of a link check's CPU; the readings depend on the text
    alone, and every refusal is still decided afresh from them; a hostile 64 KB
    Location is never kept)."""
    if len(url) <= _REMEMBERED_URL:
        return _url_hosts_remembered(url)
    return _url_hosts(url)


@functools.lru_cache(maxsize=4096)
def _url_hosts_remembered(url: str) -> tuple[str, ...]:
    return _url_hosts(url)


def _url_hosts(url: str) -> tuple[str, ...]:
    """The host of `url` as each parser we (or a hop) might use reads it.

    Python's ``urlsplit``; httpx's, the client every link and registry request is
    sent with (``http://[x\\@127.0.0.1/`` is no URL to ``urlsplit``, the host ``[x``
    to WHATWG, and 127.0.0.1 to httpx, which sends it there); and the WHATWG
    reading, which drops tabs and newlines, skips any slashes and backslashes after
    ``http:`` (``http:\\\\127.0.0.1``), ends the host at a backslash and takes the
    last ``@`` as the end of the user name (``http://a@b@127.0.0.1``).
    """
    hosts: list[str] = []
    url = url.translate(_TAB_NEWLINE)  # WHATWG drops them anywhere in a URL
    try:
        parts = urlsplit(url)
        if parts.hostname:
            hosts.append(parts.hostname)
    except ValueError:
        pass
    sent = _httpx_host(url)
    if sent and sent not in hosts:
        hosts.append(sent)
    special = _SPECIAL.match(url)
    if special is not None:
        authority = re.split(r"[/\\?#]", special.group(1), maxsplit=1)[0].rsplit("@", 1)[-1]
        host = authority if authority.endswith("]") else authority.rsplit(":", 1)[0]
        if host and host not in hosts:
            hosts.append(host)
    return tuple(hosts)


def _httpx_host(url: str) -> str | None:
    """The host httpx would connect to for `url` (IDNA-encoded), or None."""
    try:
        raw = httpx.URL(url).raw_host
    except (httpx.InvalidURL, ValueError, UnicodeError, TypeError):
        return None
    return raw.decode("ascii", "replace") or None


# An http(s) URL as WHATWG reads it: any slashes or backslashes after the scheme.
_SPECIAL = re.compile(r"^[\x00-\x20]*https?:[/\\]*(.*)$", re.IGNORECASE | re.DOTALL)


class NameNotResolved(Exception):
    """The name does not exist, or has no address (NXDOMAIN, no data)."""


class NameLookupFailed(Exception):
    """The resolver gave no answer for now (a DNS timeout, SERVFAIL): the name may exist."""


# The resolver's answers that say the name does not exist; any other failure
# (EAI_AGAIN, EAI_FAIL, ...) only says it could not be asked.
_NO_SUCH_NAME = frozenset({socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)})


class NonPublicAddress(Exception):
    """Marks a refused connection, whichever HTTP library's exception carries it."""

    host: str
    address: str


class PrivateAddressRefused(NonPublicAddress):
    """The host resolved to an address we refuse to connect to.

    The transport raises it as the cause of an ``httpx.ConnectError``; the
    synchronous clients raise their HTTP library's twin (`pinned.py`)."""

    def __init__(self, host: str, address: str) -> None:
        self.host = host
        self.address = address
        super().__init__(f"refused: {host} resolves to non-public address {address}")


class NameInOurNetwork(NameNotResolved, NonPublicAddress):
    """A name that does not resolve, whose CNAME chain led into our own network's names
    (`name_chain`): refused as such a name is, whether the machine there exists."""

    def __init__(self, host: str, address: str) -> None:
        self.host = host
        self.address = address
        super().__init__(f"refused: {host} leads to a name of our own network")


def is_refusal(exc: BaseException) -> bool:
    """`exc` is, or was caused by, a connection refused for its address.

    The HTTP client wraps our backend's exception in its own ``ConnectError``; the
    refusal is found along the causes.
    """
    current: BaseException | None = exc
    for _ in range(16):  # causes form a short chain; a cycle ends here too
        if current is None:
            return False
        if isinstance(current, NonPublicAddress):
            return True
        current = current.__cause__ or current.__context__
    return False


Origin = tuple[str, int]  # (lower-case host, port)


# The well-known public services citeaudit asks by default (its settings' defaults and
# the resolver's other name). Public by definition: never an exempt origin (`allowed`).
PUBLIC_SERVICES = frozenset(
    {
        "api.crossref.org",
        "api.datacite.org",
        "doi.org",
        "dx.doi.org",
        "archive.org",
        "web.archive.org",
    }
)


def allowed(urls: Iterable[str | None]) -> frozenset[Origin]:
    """The exact origins of the services we are configured to use, exempt from the
    private-network test (`AddressRule.exempt`), except a well-known public one's.

    The exemption is for an operator's mirror on the intranet or a test's stand-in on
    loopback. ``api.crossref.org``, ``doi.org`` and the others are public whatever a
    DNS answer says: exempt, a poisoned or spoofed answer naming loopback, the
    intranet or this machine for one of them had a registry look-up, a DOI's
    resolution or an archive look-up connect there (only metadata addresses were
    refused). Judged like any host instead, in any spelling of the name."""
    found = (origin_of(u) for u in urls if u)
    return frozenset(o for o in found if o is not None and not _public_service(o[0]))


# The registered domains of those services' operators: every name under them is
# theirs, public whatever a DNS answer says. Judged by the listed names alone, the
# resolver's other names (``www.doi.org``, which `targets.DOI_HOSTS` knows, and the
# Handle System's own ``hdl.handle.net``), the registries' test and labs APIs
# (``api.test.datacite.org``, ``api.labs.crossref.org``) and the archive's other hosts
# were exempt origins when configured, and a poisoned answer for one reached
# loopback or the intranet (rt37s).
PUBLIC_SERVICE_DOMAINS = ("crossref.org", "datacite.org", "doi.org", "handle.net", "archive.org")


def _public_service(host: str) -> bool:
    """`host`, in any reading of it (`name_readings`), is one of the well-known public
    services or a name under their operators' domains."""
    for name in name_readings(host):
        if name in PUBLIC_SERVICES:
            return True
        if any(name == d or name.endswith("." + d) for d in PUBLIC_SERVICE_DOMAINS):
            return True
    return False


def origin_of(url: str) -> Origin | None:
    """The (host, port) a URL connects to, or None when it names no host."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if not host:
        return None
    if port is None:
        port = 443 if parts.scheme.lower() == "https" else 80
    return host, port


@dataclass(frozen=True, slots=True)
class AddressRule:
    """Which addresses a connection may go to.

    `allow_private`: any address but a metadata service's (`metadata`: the CLI's link
    checks on an author's own machine) and, unless `allow_own_machine` says so, this
    machine's own (`own_machine`: loopback, the unspecified address, our interfaces'
    addresses). Where private networks are refused this machine is refused too, and
    `allow_own_machine` does not matter. It is True here (an author's own machine:
    the CLI's default); a service, a confined run and every webhook or mail rule say
    False unless the operator names this machine (``CITEAUDIT_ALLOW_OWN_MACHINE``,
    ``CITEAUDIT_WEBHOOK_ALLOW_OWN_MACHINE``). `allowed_origins`: exact (host, port) pairs
    exempt from the check -- the services we are configured to use; a redirect from
    one of them to another port or host is checked like any other connection.
    `forbidden` and `metadata` are the two address tests (tests stand a loopback
    address in for a public one, or for a metadata service). `backends`: the
    service's own Redis, broker, database and mail relay, refused by `check` and
    `host_refusal` whatever else is allowed (`links.backends`; not by `refuses`,
    which judges an address alone: a recipient's mail exchanger may be our relay).

    Ports are not judged: a link to a public host on any port is checked (links on
    8080, 8443 or 3000 are real). What we send cannot speak another protocol: the
    method and headers are ours, and a URL's path and query reach the wire
    percent-encoded, never with a line break (``tests/security/test_ssrf_hops.py``),
    so a request to a mail or database port is one line of nonsense to it.
    """

    allow_private: bool = False
    allowed_origins: frozenset[Origin] = frozenset()
    forbidden: Callable[[IPAddress], bool] = is_forbidden_address
    metadata: Callable[[IPAddress], bool] = is_metadata_address
    local_name: Callable[[str], bool] = is_local_name
    allow_own_machine: bool = True
    own_machine: Callable[[IPAddress], bool] = is_own_machine
    # The service's own Redis, broker, database and mail relay (`backends`): refused
    # on every connection, private networks allowed or not.
    backends: BackendAddresses = service_backends

    def exempt(self, host: str, port: int) -> bool:
        """A configured service's own origin: not judged by the private-network test;
        a name's addresses still by the metadata one (`exempt_refusal`)."""
        return (host.lower().strip("[]"), port) in self.allowed_origins

    def exempt_refusal(self, host: str, addresses: Iterable[str] = ()) -> str | None:
        """The metadata or link-local address (`metadata`) an exempt origin's name
        `host` resolved to, one of its `addresses`, or None.

        The exemption is for a configured service on loopback or the intranet (tests'
        stand-ins, an operator's mirror). It let any address through: a configured
        name whose DNS answer became 169.254.169.254 (a lapsed mirror domain taken
        over, a poisoned or rebinding answer) was connected to, and the look-ups'
        answers came from the cloud's credentials endpoint. "Private networks
        allowed" never reaches a metadata service; a configured name may not either.
        An origin configured as an address is the operator's own word: it stays
        exempt whatever it is."""
        if literal_address(host) is not None:
            return None
        for address in addresses:
            try:
                ip = ipaddress.ip_address(address.split("%", 1)[0])
            except ValueError:
                return address
            if self.metadata(ip):
                return address
        return None

    def refuses(self, address: IPAddress) -> bool:
        """`address` is not to be connected to (outside an exempt origin)."""
        if self.metadata(address):
            return True
        if not self.allow_private:
            return self.forbidden(address)
        return not self.allow_own_machine and self.own_machine(address)

    def backend_refusal(self, address: IPAddress, port: int) -> str | None:
        """`address` as refused for reaching one of our own backends at `port`
        (`BackendAddresses.refusal`), or None."""
        carried = embedded_ipv4(address) if isinstance(address, ipaddress.IPv6Address) else ()
        for ip in (address, *carried):  # a NAT64 or 6to4 form reaches the backend too
            setting = self.backends.refusal(ip, port, self.own_machine, self.forbidden)
            if setting is not None:
                return f"{address} ({_backend_said(setting)})"
        return None

    def host_refusal(self, host: str, port: int) -> str | None:
        """The refused address `host` names by itself (`literal_address`), or None.

        Where private networks are refused, a name only a local resolver answers
        (`is_local_name`) is refused as one too, before it is looked up: what it
        resolves to is our network's fact, not the uploader's to learn. Wherever this
        machine is refused, so is a name a container runtime gives the machine it runs
        on (`names_host_machine`), and always a backend's own name
        (`BackendAddresses.name_refusal`). Said as the name, lower case (the address is
        never looked up)."""
        if self.exempt(host, port):
            return None
        address = literal_address(host)
        if address is not None:
            if self.refuses(address) or self.backend_refusal(address, port) is not None:
                # Said as the address alone: a webhook's or mail address's refusal is
                # shown to the account, and "(the service's own database_url)" told it
                # which address of the intranet is our database (`check` says more).
                return str(address)
            return None
        setting = (
            self.backends.name_refusal(name_readings(host), port, self.own_machine, self.forbidden)
            if self.backends.backends
            else None
        )
        if setting is not None:
            # One of our backends by its own name: refused whatever its name answers
            # now (`BackendAddresses.name_refusal`: the kept answer may be stale). Said
            # as the name alone, as a local name is: a webhook's refusal is shown to
            # the account, and "the service's own redis_url" would confirm a guess.
            return host.strip().strip("[]").lower()
        if not self.allow_private and self.local_name(host):
            return host.strip().strip("[]").lower()
        if not (self.allow_private and self.allow_own_machine) and names_host_machine(host):
            # The machine a container runs on, by the name its runtime gives it: this
            # machine, wherever it is refused (its address may be no gateway of ours).
            return host.strip().strip("[]").lower()
        return None

    def query_name(self, host: str, port: int) -> str:
        """The name to ask the system resolver for `host`: absolute where private
        networks are refused (`absolute_name`: no search list), as written where
        they are allowed (the CLI's intranet names) or for a configured service
        (its name may be an /etc/hosts entry, which an absolute name misses)."""
        if self.allow_private or self.exempt(host, port):
            return host
        return absolute_name(host)

    def url_refusal(self, url: str) -> str | None:
        """The forbidden address the host of `url` names by itself in any reading of
        it (`url_hosts`), or None: a link or a redirect's Location refused before
        any parser that could not read it has a say."""
        try:
            port = urlsplit(url).port
        except ValueError:
            port = None
        scheme = url.split(":", 1)[0].lower()
        default = 443 if scheme == "https" else 80
        for host in url_hosts(url):
            refused = self.host_refusal(host, port or default)
            if refused is not None:
                return refused
        return None

    def mail_refusal(self, address: str) -> str | None:
        """`host_refusal` of an e-mail address's domain, the host the SMTP relay
        delivers to: ``root@localhost`` is the relay's own mailbox, ``me@10.0.0.5``
        and ``me@db.internal`` a machine of its network (port 25, with our audit
        data), whatever name the relay gives it. Said as `host_refusal` says it."""
        domain = address.rpartition("@")[2]
        if not domain:
            return None
        return self.host_refusal(domain, 25)

    def redirect_refusal(self, target: str, location: str) -> str | None:
        """`url_refusal` of a redirect: of `target` (its Location joined to the URL
        that answered) and of the Location as written. Readers join differently:
        ``http:///127.0.0.1/`` is a path on the same host to Python's ``urljoin`` and
        the host 127.0.0.1 to a browser; either reading refuses the hop."""
        return self.url_refusal(target) or self.url_refusal(location.strip())

    def check(
        self,
        host: str,
        port: int,
        addresses: Iterable[str],
        refused: Callable[[str, str], Exception] = PrivateAddressRefused,
    ) -> None:
        """Raise `refused(host, address)` when `host` names a forbidden address itself,
        or for the first of its `addresses` not to connect to; or when `port` is no
        port a connection can have (`_PORTS`)."""
        if port not in _PORTS:
            # httpx takes any number as a URL's port, and the system resolver cuts the
            # one it is asked for to 16 bits: ``getaddrinfo(h, 6379 + 65536)`` answers
            # port 6379. Judged as written and connected as cut, a backend refused at
            # its port was reached at port + 65536 (the registries' and webhooks'
            # clients, a redirect hop; ssrf30). Port 0 connects nowhere.
            raise refused(host, f"port {port}, which no connection can have")
        if self.exempt(host, port):
            metadata = self.exempt_refusal(host, addresses)
            if metadata is not None:
                raise refused(host, metadata)
            return
        named = self.host_refusal(host, port)
        if named is not None:
            literal = literal_address(host)
            if literal is not None and not self.refuses(literal):
                # Our own record (logs, the causes of an error) says which backend.
                named = self.backend_refusal(literal, port) or named
            raise refused(host, named)
        if connects_unresolved(host):
            # Judged as the system reads it too: an IP literal it cannot read
            # ("::1%2f", "50.7.") would go to its resolver, past this check.
            literal = _system_literal(host)
            if literal is None:
                raise refused(host, "an address that cannot be read")
            if self.refuses(literal):
                raise refused(host, str(literal))
            backend = self.backend_refusal(literal, port)
            if backend is not None:
                raise refused(host, backend)
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
            if self.refuses(ip):
                raise refused(host, address)
            backend = self.backend_refusal(ip, port)
            if backend is not None:
                raise refused(host, backend)


_PORTS = range(1, 65536)  # what a TCP connection's port can be

_STANDARD_GETADDRINFO = asyncio.BaseEventLoop.getaddrinfo


async def resolve(host: str, port: int) -> list[str]:
    """Every address of `host`, in the resolver's order, without duplicates."""
    return (await resolve_named(host, port))[0]


async def resolve_named(host: str, port: int) -> tuple[list[str], str]:
    """`resolve`, and the canonical name the resolver gives `host` (the end of its
    CNAME chain; "" where it says none)."""
    loop = asyncio.get_running_loop()
    try:
        if type(loop).getaddrinfo is _STANDARD_GETADDRINFO:
            # asyncio's own look-up runs in the loop's default executor, which
            # ``asyncio.run`` joins at its end: a silent name server would hold the
            # worker long after every check timed out. A thread of our own instead
            # (`lookups`); a loop with a resolver of its own is asked directly.
            infos = await lookups.in_thread(
                functools.partial(
                    socket.getaddrinfo,
                    host,
                    port,
                    type=socket.SOCK_STREAM,
                    flags=socket.AI_CANONNAME,
                )
            )
        else:
            infos = await loop.getaddrinfo(
                host, port, type=socket.SOCK_STREAM, flags=socket.AI_CANONNAME
            )
    except lookups.LookupTimedOut as exc:  # no thread to ask in: asked again later
        raise NameLookupFailed(f"{host}: {exc}") from exc
    except socket.gaierror as exc:
        if exc.errno in _NO_SUCH_NAME:
            raise NameNotResolved(f"{host}: {exc}") from exc
        raise NameLookupFailed(f"{host}: {exc}") from exc
    except UnicodeError as exc:  # not a valid host name at all
        raise NameNotResolved(f"{host}: {exc}") from exc
    seen: list[str] = []
    canonical = ""
    for info in infos:
        canonical = canonical or str(info[3] or "")
        address = str(info[4][0])
        if address not in seen:
            seen.append(address)
    if not seen:
        raise NameNotResolved(f"{host}: no address")
    return seen, canonical


Lookup = Callable[[str, int], Awaitable[list[str]]]


class Resolver:
    """Name resolution with a short-lived cache, shared by all hosts' pools.

    A link check opens a few connections to each host, one after another or at once;
    each used to ask getaddrinfo (a thread hop and a DNS round trip) again. Answers are
    kept for `ttl` seconds, and concurrent lookups of one name share one query.
    Failures are not kept. Only the lookup is cached: the addresses are checked
    against the refusal rule on every connection (`AddressRule.check`), and a
    redirect to another host name is a lookup of that name.
    """

    def __init__(self, ttl: float = 30.0, lookup: Lookup | None = None) -> None:
        self.ttl = ttl
        self._lookup = lookup or resolve
        self._answers: dict[str, tuple[float, list[str]]] = {}
        self._pending: dict[str, asyncio.Task[list[str]]] = {}

    async def addresses(self, host: str, port: int) -> list[str]:
        key = host.lower()
        cached = self._answers.get(key)
        if cached is not None:
            if time.monotonic() < cached[0]:
                return list(cached[1])
            del self._answers[key]
        task = self._pending.get(key)
        if task is None:
            task = asyncio.ensure_future(self._lookup(host, port))
            self._pending[key] = task
            task.add_done_callback(lambda t: self._settle(key, t))
        # A waiter that gives up (its connect timeout) leaves the query to the others.
        return list(await asyncio.shield(task))

    def _settle(self, key: str, task: asyncio.Task[list[str]]) -> None:
        if self._pending.get(key) is task:
            del self._pending[key]
        if task.cancelled() or task.exception() is not None:
            return  # failures are asked again next time
        if self.ttl > 0:
            self._answers[key] = (time.monotonic() + self.ttl, task.result())
