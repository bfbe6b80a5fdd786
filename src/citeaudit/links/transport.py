"""One connection pool per host, behind the one shared client.

httpcore's pool finds a connection for each request by scanning every connection it
holds, which costs more than the request itself once a run has a few hundred idle
connections to many hosts. A link check talks to many hosts with a few connections
each, so each origin gets its own small pool (as many connections as the per-host
limit allows); pools of hosts not used lately are closed when there are too many.
Every pool connects through `SafeNetworkBackend`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

import httpx

from citeaudit.links.safety import IPAddress, SafeNetworkBackend, is_forbidden_address

Origin = tuple[str, str, int]


class PerHostTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        *,
        per_host: int,
        allow_private: bool,
        forbidden: Callable[[IPAddress], bool] = is_forbidden_address,
        max_pools: int = 512,
        keepalive_expiry: float = 30.0,
    ) -> None:
        self._per_host = max(1, per_host)
        self._allow_private = allow_private
        self._forbidden = forbidden
        self._max_pools = max_pools
        self._keepalive_expiry = keepalive_expiry
        self._pools: OrderedDict[Origin, httpx.AsyncHTTPTransport] = OrderedDict()
        self._busy: dict[Origin, int] = {}
        self._ssl = httpx.create_ssl_context()  # loading the CA store once, not per host

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
            inner._network_backend, allow_private=self._allow_private, forbidden=self._forbidden
        )
        self._pools[origin] = pool
        return pool

    async def _evict(self) -> None:
        while len(self._pools) > self._max_pools:
            for origin in self._pools:
                if not self._busy.get(origin):
                    pool = self._pools.pop(origin)
                    await pool.aclose()
                    break
            else:
                return

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        origin = (url.scheme, url.host, url.port or (443 if url.scheme == "https" else 80))
        pool = self._pool(origin)
        self._busy[origin] = self._busy.get(origin, 0) + 1
        try:
            response = await pool.handle_async_request(request)
        except BaseException:
            self._release(origin)
            raise
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            stream=_ReleasingStream(response.stream, lambda: self._release(origin)),
            extensions=response.extensions,
        )

    def _release(self, origin: Origin) -> None:
        count = self._busy.get(origin, 0) - 1
        if count <= 0:
            self._busy.pop(origin, None)
        else:
            self._busy[origin] = count

    async def aclose(self) -> None:
        pools = list(self._pools.values())
        self._pools.clear()
        for pool in pools:
            await pool.aclose()


class _ReleasingStream(httpx.AsyncByteStream):
    def __init__(
        self, stream: httpx.SyncByteStream | httpx.AsyncByteStream, release: Callable[[], None]
    ) -> None:
        assert isinstance(stream, httpx.AsyncByteStream)
        self._stream = stream
        self._release: Callable[[], None] | None = release

    async def __aiter__(self):  # type: ignore[no-untyped-def]
        async for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            if self._release is not None:
                self._release()
                self._release = None
