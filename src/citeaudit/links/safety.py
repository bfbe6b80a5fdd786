"""Refusing targets on loopback, private, link-local, multicast or metadata addresses.

The check runs where the connection is made: the link checker's transport
(`transport.py`) resolves the host name itself, refuses the connection if any
address is not public, and then connects to the very addresses it checked (so a DNS
answer cannot change between the check and the connection). Every redirect hop
opens its connection through the same transport, so every hop is checked. Lookups
are cached for a short time (`Resolver`); the check itself runs on every connection.

`AddressRule` is the one decision, shared by that transport and by the synchronous
backend (`pinned.py`, for the registry clients and webhooks). Services we are configured to
use (a registry's base URL, which tests point at loopback) are exempt by their exact
origin (host and port) only: "private networks allowed" for them would also let a
redirect from them reach any other private service.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata endpoints that are not covered by "not global" everywhere.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)


def is_forbidden_address(ip: IPAddress) -> bool:
    """True for any address a public link must never make us connect to."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        ip in METADATA_ADDRESSES
        or ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


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


def allowed(urls: Iterable[str | None]) -> frozenset[Origin]:
    """The exact origins of the services we are configured to use."""
    return frozenset(o for o in (origin_of(u) for u in urls if u) if o is not None)


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

    `allow_private`: any address (the CLI's link checks on an author's own machine).
    `allowed_origins`: exact (host, port) pairs exempt from the check -- the services
    we are configured to use; a redirect from one of them to another port or host is
    checked like any other connection.
    """

    allow_private: bool = False
    allowed_origins: frozenset[Origin] = frozenset()
    forbidden: Callable[[IPAddress], bool] = is_forbidden_address

    def check(
        self,
        host: str,
        port: int,
        addresses: Iterable[str],
        refused: Callable[[str, str], Exception] = PrivateAddressRefused,
    ) -> None:
        """Raise `refused(host, address)` for the first address not to connect to."""
        if self.allow_private or (host.lower().strip("[]"), port) in self.allowed_origins:
            return
        for address in addresses:
            if self.forbidden(ipaddress.ip_address(address.split("%", 1)[0])):
                raise refused(host, address)


async def resolve(host: str, port: int) -> list[str]:
    """Every address of `host`, in the resolver's order, without duplicates."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        if exc.errno in _NO_SUCH_NAME:
            raise NameNotResolved(f"{host}: {exc}") from exc
        raise NameLookupFailed(f"{host}: {exc}") from exc
    except UnicodeError as exc:  # not a valid host name at all
        raise NameNotResolved(f"{host}: {exc}") from exc
    seen: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if address not in seen:
            seen.append(address)
    if not seen:
        raise NameNotResolved(f"{host}: no address")
    return seen


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
