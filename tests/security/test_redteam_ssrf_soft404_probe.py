"""The soft-404 probe of a DOI's landing page is a hop from the public Internet too.

With private networks allowed (the CLI), a landing page the public DOI resolver names
is never fetched from the private network (`from_public`). But a landing page worded
"not found" is compared with a page of its host that surely does not exist -- and
that probe was a chain of its own that had never been public: the landing's name,
answering a public address for the page and a private one a moment later, had the
probe sent into the reader's network. Here 127.0.0.2 plays the public web (the
resolver and the landing page), 127.0.0.3 the reader's network on the same port.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck
from tests.security.ssrf_loopback import CLI, cli_checker
from tests.security.test_redteam_ssrf_redirect_pivot import _Handles
from tests.stand_ins.private_service import PrivateService

PROBING = dataclasses.replace(CLI, soft404=True, method="GET")
PAGE = b"<html><title>Page not found</title><body>The page was not found.</body></html>"


class _Landing:
    """A public page worded "not found", for any path; counts the pages it served."""

    def __init__(self) -> None:
        self.served = 0
        landing = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(PAGE)))
                self.end_headers()
                self.wfile.write(PAGE)
                landing.served += 1

        self._server = ThreadingHTTPServer(("127.0.0.2", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def landing() -> Iterator[_Landing]:
    server = _Landing()
    yield server
    server.stop()


def test_the_probe_of_a_public_landing_page_never_goes_private(landing: _Landing) -> None:
    try:
        intranet = PrivateService("127.0.0.3", landing.port).start()
    except OSError:
        pytest.skip("the landing page's port is taken on 127.0.0.3")
    handles = _Handles("127.0.0.2", f"http://landing.test:{landing.port}/article/1")

    async def dns(host: str, port: int) -> list[str]:
        # The landing page's name: public until its page was served, then private.
        return ["127.0.0.3" if landing.served else "127.0.0.2"]

    async def go() -> LinkCheck:
        async with cli_checker(dns, PROBING, doi_url=handles.url, archive_url=None) as checker:
            return (await checker.check_all([target_for("10.1234/rebinds")]))[0]

    try:
        check = asyncio.run(go())
    finally:
        handles.stop()
        intranet.stop()
    assert landing.served >= 1, check
    assert intranet.contacts == 0, intranet.requests
