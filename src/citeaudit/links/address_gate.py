"""Requests in flight to one IP address, whatever host names point at it.

The per-host limits (`HostGate`, the checker's turns) count host names. A wildcard DNS
name (`*.tarpit.example`) gives an uploaded file as many hosts as it likes on one
server: each name got a host's share, and one slow server took every link worker and
every global slot, so the other hosts' links ran out of time. A request now also
holds a slot on each address its host resolves to (the first `MAX_GATED`, the only
ones the transport connects to: `CheckedResolver`), at most `per_address` at once;
with Redis, over every process (`SharedPacer.hold`). An IPv6 address counts as its
/64 (`address_key`).

Slots are taken in address order, before the host's slot and the global one: a
request waiting for an address holds nothing another request could be waiting for.
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from citeaudit.links.shared_pacing import SharedPacer

__all__ = ["MAX_GATED", "AddressGate", "address_key"]

# Addresses of one name a request holds slots on; the transport hands the connector
# only these, so a name cannot put a fresh address before the busy one to slip past.
MAX_GATED = 4


def address_key(address: str) -> str:
    """The server an address stands for: an IPv4 address itself (an IPv4-mapped IPv6
    one too); for IPv6, its /64 -- one host or one customer's network routinely holds
    a whole /64, so a wildcard name handing out a fresh address of it for each name
    would otherwise be as many "servers" as it liked."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((int(ip) >> 64 << 64, 64)))
    return str(ip)


class AddressGate:
    def __init__(
        self, per_address: int, shared: SharedPacer | None = None, *, lease: float = 60.0
    ) -> None:
        """`lease`: seconds a slot held in Redis outlives a process that died holding
        it (longer than one request may take)."""
        self.per_address = max(1, per_address)
        self._shared = shared
        self._lease = lease
        self._sems: dict[str, asyncio.Semaphore] = {}
        self._users: dict[str, int] = {}

    @asynccontextmanager
    async def slot(self, addresses: Sequence[str]) -> AsyncIterator[None]:
        """Hold a slot on each of `addresses` (the first `MAX_GATED`) while inside."""
        keys = sorted({address_key(a) for a in addresses[:MAX_GATED]})
        waiting: list[str] = []  # counted as users of their semaphore
        held: list[str] = []
        shared: list[tuple[str, str]] = []
        try:
            for key in keys:
                sem = self._sems.get(key)
                if sem is None:
                    sem = self._sems[key] = asyncio.Semaphore(self.per_address)
                self._users[key] = self._users.get(key, 0) + 1
                waiting.append(key)
                await sem.acquire()
                held.append(key)
            if self._shared is not None:
                for key in keys:
                    token = await self._shared.hold(key, self.per_address, self._lease)
                    if token is not None:
                        shared.append((key, token))
            yield
        finally:
            if self._shared is not None:
                for key, token in shared:
                    await self._shared.let_go(key, token)
            for key in held:
                self._sems[key].release()
            for key in waiting:
                self._users[key] -= 1
                if not self._users[key]:  # nobody holds or waits: forget the address
                    del self._users[key], self._sems[key]
