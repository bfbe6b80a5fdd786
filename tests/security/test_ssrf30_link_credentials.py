"""A link's user name and password are never sent as credentials.

Red team (ssrf30). A URL may carry ``user:password@`` before its host. aiohttp (under
the link checker's transport) and httpx (the registries' and webhooks' clients) turn it
into an ``Authorization: Basic`` header. Where private networks are allowed (an
intranet's links, the CLI), a manuscript's ``http://guest:guest@rabbitmq:15672/api/
definitions`` or ``http://admin:admin@10.0.0.1/`` logged in to the service it names
with credentials the manuscript chose: the report's 200-or-401 made the checker an
oracle for default passwords on our network, and an admin page that acts on GET was
acted on, as that user. A link check needs no credentials: the page is asked as
anyone would ask it (/work/helpers/ssrf30-2.diff: the transport drops the URL's user
information and any Authorization header; the pinned clients send none from a URL).

The "intranet service" is a loopback HTTP server recording each request's
Authorization header.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.pinned import pinned_client
from citeaudit.links.safety import AddressRule
from citeaudit.links.targets import target_for
from tests.security.test_ssrf_hops import SERVICE

INTRANET = dataclasses.replace(SERVICE, allow_private_networks=True)


class _Recording(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen: list[tuple[str, str | None]] = []
        self.location = ""


class _Handler(BaseHTTPRequestHandler):
    server: _Recording

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        self.server.seen.append((self.path, self.headers.get("Authorization")))
        if self.path.startswith("/hop") and self.server.location:
            self.send_response(302)
            self.send_header("Location", self.server.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    do_HEAD = do_GET


@pytest.fixture
def service() -> Iterator[_Recording]:
    server = _Recording()
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    ).start()
    yield server
    server.shutdown()
    server.server_close()


def _check(urls: list[str]) -> None:
    async def go() -> None:
        async with LinkChecker(INTRANET, probe_urls=()) as checker:
            await checker.check_all([target_for(u) for u in urls])

    asyncio.run(go())


@pytest.mark.parametrize("userinfo", ["guest:guest@", "admin@", "admin:@", ":secret@"])
def test_a_link_check_sends_no_credentials(userinfo: str, service: _Recording) -> None:
    port = service.server_address[1]
    _check([f"http://{userinfo}127.0.0.1:{port}/api/definitions"])
    assert service.seen, "the control: the page was asked"
    assert all(auth is None for _, auth in service.seen), service.seen


def test_a_redirect_to_a_url_with_credentials_sends_none(service: _Recording) -> None:
    port = service.server_address[1]
    service.location = f"http://guest:guest@127.0.0.1:{port}/api/whoami"
    _check([f"http://127.0.0.1:{port}/hop"])
    assert any(path == "/api/whoami" for path, _ in service.seen), service.seen
    assert all(auth is None for _, auth in service.seen), service.seen


def test_the_synchronous_clients_send_no_credentials_from_a_url(service: _Recording) -> None:
    port = service.server_address[1]
    with pinned_client(AddressRule(allow_private=True), timeout=2.0) as client:
        client.get(f"http://guest:guest@127.0.0.1:{port}/pinned")
    assert service.seen and all(auth is None for _, auth in service.seen), service.seen
