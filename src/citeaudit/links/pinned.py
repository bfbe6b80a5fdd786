"""The synchronous twin of the link checker's resolver: check the address, then connect to it.

The registry clients (doi.org and DataCite through httpx, Crossref through habanero's
httpx2) and webhook deliveries are synchronous. Checking a host name with
``getaddrinfo`` and then handing the URL to httpx resolves the name twice: a DNS
answer that changes in between (DNS rebinding) reaches whatever the second answer
says. Here the name is resolved once, every address is checked by `AddressRule`,
and the connection goes to the checked address; TLS still verifies and sends SNI
for the host name (httpcore passes the URL's host to ``start_tls``), and the Host
header is the URL's. Every connection goes through the backend, so every redirect
hop is checked too.

httpx and httpx2 use two copies of httpcore (httpcore and httpcore2) with the same
backend interface but their own exception classes; `PinnedBackend` is given the copy
its client uses, so a refusal is that library's ``ConnectError`` and the client
reports it as its own ``ConnectError``.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

import httpcore
import httpcore2
import httpx
import httpx2

from citeaudit.links.safety import AddressRule, NonPublicAddress, allowed
from citeaudit.links.tls import default_ssl_context

__all__ = [
    "PinnedBackend",
    "SyncLookup",
    "allowed",
    "pinned_client",
    "pinned_client2",
    "system_lookup",
]

SyncLookup = Callable[[str, int], list[str]]


class _Refused2(NonPublicAddress, httpcore2.ConnectError):
    """`PrivateAddressRefused` for httpcore2 (habanero's httpx2)."""

    def __init__(self, host: str, address: str) -> None:
        self.host = host
        self.address = address
        super().__init__(f"refused: {host} resolves to non-public address {address}")


class _Refused1(NonPublicAddress, httpcore.ConnectError):
    def __init__(self, host: str, address: str) -> None:
        self.host = host
        self.address = address
        super().__init__(f"refused: {host} resolves to non-public address {address}")


_REFUSED: dict[str, Callable[[str, str], Exception]] = {
    "httpcore": _Refused1,
    "httpcore2": _Refused2,
}


def system_lookup(host: str, port: int) -> list[str]:
    """Every address of `host` from the system resolver, in its order, once each.

    Raises OSError (a `socket.gaierror` when the name does not resolve) or
    UnicodeError (a name IDNA cannot encode, such as a label over 63 characters).
    """
    seen: list[str] = []
    for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        address = str(info[4][0])
        if address not in seen:
            seen.append(address)
    if not seen:
        raise socket.gaierror(socket.EAI_NONAME, "no address")
    return seen


class PinnedBackend:
    """A sync httpcore(2) network backend: resolve once, check, connect to that address."""

    def __init__(
        self,
        core: ModuleType,
        rule: AddressRule,
        *,
        lookup: SyncLookup = system_lookup,
    ) -> None:
        self._core = core
        self._inner: Any = core.SyncBackend()
        self._rule = rule
        self._lookup = lookup
        self._refused = _REFUSED[core.__name__]

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> Any:
        try:
            addresses = [str(ipaddress.ip_address(host.strip("[]")))]
        except ValueError:
            try:
                addresses = self._lookup(host, port)
            except (OSError, UnicodeError) as exc:
                # "Name or service not known": the wording the registries' failure
                # mapping and the webhook outbox record.
                raise self._core.ConnectError(f"{host}: name resolution: {exc}") from exc
        self._rule.check(host, port, addresses, self._refused)
        last: Exception | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except self._core.ConnectTimeout:
                raise
            except self._core.ConnectError as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> Any:  # pragma: no cover - never asked for
        raise self._core.ConnectError("unix sockets are not allowed")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def pinned_client(
    rule: AddressRule,
    *,
    timeout: float,
    follow_redirects: bool = False,
    max_redirects: int = 5,
    lookup: SyncLookup = system_lookup,
    headers: dict[str, str] | None = None,
) -> httpx.Client:
    """An httpx client whose every connection (every redirect hop) obeys `rule`.

    Environment proxies are not used: a proxy would resolve and connect for us, past
    the check.
    """
    transport = httpx.HTTPTransport(verify=default_ssl_context(), retries=0)
    transport._pool._network_backend = PinnedBackend(httpcore, rule, lookup=lookup)  # type: ignore[assignment]
    return httpx.Client(
        transport=transport,
        timeout=timeout,
        follow_redirects=follow_redirects,
        max_redirects=max_redirects,
        trust_env=False,
        headers=headers,
    )


def pinned_client2(
    rule: AddressRule,
    *,
    timeout: float,
    follow_redirects: bool = False,
    max_redirects: int = 5,
    lookup: SyncLookup = system_lookup,
) -> httpx2.Client:
    """`pinned_client` for httpx2 (the library habanero sends Crossref requests with)."""
    transport = httpx2.HTTPTransport(retries=0)
    transport._pool._network_backend = PinnedBackend(httpcore2, rule, lookup=lookup)  # type: ignore[assignment]
    return httpx2.Client(
        transport=transport,
        timeout=timeout,
        follow_redirects=follow_redirects,
        max_redirects=max_redirects,
        trust_env=False,
    )
