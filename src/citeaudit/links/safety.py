"""Refusing targets on loopback, private, link-local, multicast or metadata addresses.

The check runs where the connection is made: `SafeNetworkBackend` wraps httpcore's
network backend, resolves the host name itself, refuses the connection if any
address is not public, and then connects to the very address it checked (so a DNS
answer cannot change between the check and the connection). Every redirect hop
opens its connection through the same backend, so every hop is checked.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Callable, Iterable
from typing import Any

import httpcore

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


class NameNotResolved(httpcore.ConnectError):
    """getaddrinfo gave no address for the host."""


class PrivateAddressRefused(httpcore.ConnectError):
    """The host resolved to an address we refuse to connect to."""

    def __init__(self, host: str, address: str) -> None:
        self.host = host
        self.address = address
        super().__init__(f"refused: {host} resolves to non-public address {address}")


async def resolve(host: str, port: int) -> list[str]:
    """Every address of `host`, in the resolver's order, without duplicates."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise NameNotResolved(f"{host}: {exc}") from exc
    seen: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if address not in seen:
            seen.append(address)
    if not seen:
        raise NameNotResolved(f"{host}: no address")
    return seen


class SafeNetworkBackend(httpcore.AsyncNetworkBackend):
    """Resolves, refuses non-public addresses (unless allowed), connects to the checked IP."""

    def __init__(
        self,
        inner: httpcore.AsyncNetworkBackend,
        *,
        allow_private: bool,
        forbidden: Callable[[IPAddress], bool] = is_forbidden_address,
    ) -> None:
        self._inner = inner
        self._allow_private = allow_private
        self._forbidden = forbidden

    def _check(self, host: str, addresses: Iterable[str]) -> None:
        if self._allow_private:
            return
        for address in addresses:
            if self._forbidden(ipaddress.ip_address(address.split("%", 1)[0])):
                raise PrivateAddressRefused(host, address)

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            try:
                addresses = await asyncio.wait_for(resolve(host, port), timeout)
            except TimeoutError as exc:
                raise httpcore.ConnectTimeout(f"{host}: name resolution timed out") from exc
        self._check(host, addresses)
        last: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except httpcore.ConnectTimeout:
                raise
            except httpcore.ConnectError as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:  # pragma: no cover - never used for links
        raise httpcore.ConnectError("unix sockets are not link targets")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)
