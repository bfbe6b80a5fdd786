"""The link client sends only through the guarded transport.

Red team (net23): `LinkChecker` refuses any transport but a `PerHostTransport` (the one
that judges each connection's address as it connects), but the link client it hands
the transport to, `Fetcher`, took any httpx transport: given httpx's own, every link
and redirect hop was connected to wherever its name pointed, the address rule asked
only of the URL's text. A loopback listener that counts connections stands for a
private service; a name that resolves to it is never connected to, because no
`Fetcher` can be made on an unguarded transport.
"""

from __future__ import annotations

import asyncio

import httpx

from citeaudit.links.fetch import Fetcher
from citeaudit.links.policy import HostGate
from citeaudit.links.safety import AddressRule
from tests.security.test_ssrf_hops import SERVICE
from tests.test_r2b_backends_refused import Listener


class _ToListener(httpx.AsyncHTTPTransport):
    """httpx's own transport, its every connection sent to one listener (a name
    server's answer it never judges)."""

    def __init__(self, port: int) -> None:
        super().__init__()
        self._port = port

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        moved = request.url.copy_with(host="127.0.0.1", port=self._port)
        return await super().handle_async_request(httpx.Request(request.method, moved))


def test_a_fetcher_on_an_unguarded_transport_is_never_made() -> None:
    listener = Listener()

    async def go() -> str:
        try:
            fetcher = Fetcher(
                SERVICE,
                AddressRule(),
                HostGate(2, 0.0),
                asyncio.Semaphore(2),
                _ToListener(listener.port),
            )
        except TypeError:
            return "refused"
        try:
            await fetcher.fetch("http://journal.example/a")
        finally:
            await fetcher.aclose()
        return "made"

    try:
        made = asyncio.run(go())
        assert (made, listener.connections) == ("refused", 0)
    finally:
        listener.close()
