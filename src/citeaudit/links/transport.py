"""One connection pool per host, behind the one shared client.

httpcore's pool finds a connection for each request by scanning every connection it
holds, which costs more than the request itself once a run has a few hundred idle
connections to many hosts. A link check talks to many hosts with a few connections
each, so each origin gets its own small pool (as many connections as the per-host
limit allows); pools of hosts not used lately are closed when there are too many.
Every pool connects through `SafeNetworkBackend`, over httpcore's own AnyIO backend: a
hand-written asyncio backend saved ~13% CPU per request but little wall time (the
per-host spacing bounds the run), not worth owning a network layer for.
"""

from __future__ import annotations

import functools
import ssl
from collections import OrderedDict
from collections.abc import Callable

import httpcore
import httpx

from citeaudit.links.safety import (
    IPAddress,
    Resolver,
    SafeNetworkBackend,
    is_forbidden_address,
)

Origin = tuple[str, str, int]


@functools.cache
def default_ssl_context() -> ssl.SSLContext:
    """httpx's verifying context; the CA store is loaded once a process (40 ms each)."""
    return httpx.create_ssl_context()


class PerHostTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        *,
        per_host: int,
        allow_private: bool,
        forbidden: Callable[[IPAddress], bool] = is_forbidden_address,
        max_pools: int = 512,
        keepalive_expiry: float = 30.0,
        ssl_context: ssl.SSLContext | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        self._per_host = max(1, per_host)
        self._allow_private = allow_private
        self._forbidden = forbidden
        self._max_pools = max_pools
        self._keepalive_expiry = keepalive_expiry
        self._pools: OrderedDict[Origin, httpx.AsyncHTTPTransport] = OrderedDict()
        self._ssl = ssl_context or default_ssl_context()
        self._resolver = resolver or Resolver()  # one name cache for every host's pool

    def _pool(self, origin: Origin) -> httpx.AsyncHTTPTransport:
        pool = self._pools.get(origin)
        if pool is not None:
            self._pools.move_to_end(origin)
            return pool
        limits = httpx.Limits(
            max_connections=self._per_host + 2,  # + the soft-404 probe, + slack
            max_keepalive_connections=self._per_host + 2,
            keepalive_expiry=self._keepalive_expiry,
        )
        pool = httpx.AsyncHTTPTransport(verify=self._ssl, limits=limits, retries=0)
        inner = pool._pool
        inner._network_backend = SafeNetworkBackend(
            httpcore.AnyIOBackend(),
            allow_private=self._allow_private,
            forbidden=self._forbidden,
            resolver=self._resolver,
        )
        self._pools[origin] = pool
        return pool

    async def _evict(self, keep: Origin) -> None:
        """Close the least recently used pools with nothing in flight, down to the cap."""
        while len(self._pools) > self._max_pools:
            for origin, pool in self._pools.items():
                if origin != keep and not _busy(pool):
                    del self._pools[origin]
                    await pool.aclose()
                    break
            else:
                return

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        origin = (url.scheme, url.host, url.port or (443 if url.scheme == "https" else 80))
        pool = self._pool(origin)
        if len(self._pools) > self._max_pools:
            await self._evict(keep=origin)
        return await pool.handle_async_request(request)

    async def aclose(self) -> None:
        pools = list(self._pools.values())
        self._pools.clear()
        for pool in pools:
            await pool.aclose()


def _busy(pool: httpx.AsyncHTTPTransport) -> bool:
    """A request is queued or a response is still open on one of its connections."""
    inner = pool._pool
    return bool(getattr(inner, "_requests", None)) or any(
        not c.is_idle() and not c.is_closed() for c in inner.connections
    )
