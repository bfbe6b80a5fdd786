"""Is our own network up? A cheap probe, so that "we are offline" is never "broken".

Any HTTP answer from any probe URL (the DOI resolver by default) means the network
is up. Names resolve when one of `dns_names` (by default the probe URLs' host names)
resolves. The answer is kept for `ttl` seconds unless a caller forces a new probe.
"""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import Sequence
from urllib.parse import urlsplit

import httpx

from citeaudit.links.safety import NameLookupFailed, NameNotResolved, resolve


class Reachability:
    def __init__(
        self,
        client: httpx.AsyncClient,
        probe_urls: Sequence[str],
        timeout: float,
        ttl: float = 30,
        dns_names: Sequence[str] | None = None,
    ) -> None:
        self._client = client
        self._urls = tuple(probe_urls)
        self._timeout = timeout
        self._ttl = ttl
        self._lock = asyncio.Lock()
        self._checked_at: float | None = None
        self.last_up: bool | None = None
        self.names_resolve = False
        self.probes = 0
        if dns_names is None:
            dns_names = [
                h for h in (urlsplit(u).hostname for u in probe_urls) if h and not _is_ip(h)
            ]
        self._dns_names = tuple(dns_names)

    async def up(self, *, force: bool = False) -> bool:
        async with self._lock:
            age = None if self._checked_at is None else time.monotonic() - self._checked_at
            if self.last_up is not None and age is not None and age < (1.0 if force else self._ttl):
                return self.last_up
            if not self._urls:
                self.last_up = True
                return True
            results = await asyncio.gather(*(self._probe(u) for u in self._urls))
            self.last_up = any(results)
            if self.last_up and not self.names_resolve:
                self.names_resolve = await self._names_resolve()
            self._checked_at = time.monotonic()
            return self.last_up

    async def _probe(self, url: str) -> bool:
        self.probes += 1
        try:
            await self._client.head(url, timeout=self._timeout, follow_redirects=False)
        except httpx.HTTPError:
            return False
        return True

    async def _names_resolve(self) -> bool:
        # Through the guard's own look-up (a thread of ours): the loop's getaddrinfo
        # runs in its default executor, which ``asyncio.run`` joins at the end, so a
        # silent name server held the whole link phase past this probe's timeout.
        for name in self._dns_names:
            try:
                await asyncio.wait_for(resolve(name, 80), self._timeout)
            except (NameLookupFailed, NameNotResolved, OSError, TimeoutError, UnicodeError):
                continue
            return True
        return False


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
