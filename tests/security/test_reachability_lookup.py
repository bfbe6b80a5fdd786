"""The reachability probe's name check holds no link phase past its timeout: it asked
the loop's getaddrinfo, whose executor ``asyncio.run`` joins at the end."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from citeaudit.links.reachability import Reachability
from tests.security.test_ssrf_classes import SilentNameServer, silent

__all__ = ["silent"]  # the fixture, used by name below


class _Up(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def probe_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Up)
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    ).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_a_silent_name_server_does_not_hold_the_phase(
    silent: SilentNameServer, probe_url: str
) -> None:
    async def go() -> tuple[bool, bool]:
        async with httpx.AsyncClient(trust_env=False) as client:
            reach = Reachability(client, [probe_url], 0.3, dns_names=["probe.silent.test"])
            return await reach.up(), reach.names_resolve

    up, names_resolve = asyncio.run(go())
    assert up and not names_resolve
    assert silent.asked == 1
    assert silent.answered == 0, "asyncio.run waited for the silent look-up"
