"""How many requests one uploaded manuscript makes to one victim server.

An uploader points every link at a server they want hit -- directly, through
wildcard names (``1.victim.example`` ... ``N.victim.example`` all naming it) or
through a redirector of their own. What bounds the requests is:

* the audit's network budget: `CITEAUDIT_MAX_NETWORK_CHECKS` distinct links and DOIs
  (5,000), over all its chunks;
* per link, `max_retries + 1` attempts at the victim (429, 503 and timeouts retried),
  whatever names or redirects lead there: a chain reaches the victim at its last hop
  (the victim's own answer ends it), and a redirector cannot send us there again
  within one chain without the victim redirecting itself;
* one not-found probe per host and folder (soft 404s, never retried), sent only for
  a page that answered 200 and reads as "not found" or was redirected -- with a
  wildcard name per link, one per link.

So at most 5,000 x (3 + 1) = 20,000 requests per audit, at most
`CITEAUDIT_LINK_PER_ADDRESS` (8) in flight to its address over every worker. These
tests pin the per-link multiplier: a change that retries more, probes more, or
follows a chain back to the victim, fails here.
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
from citeaudit.links.safety import Resolver
from citeaudit.links.targets import target_for
from citeaudit.links.transport import PerHostTransport
from tests.security.test_ssrf_hops import SERVICE, Hops, only_127_0_0_2_is_public

LINKS = 12
POLICY = dataclasses.replace(SERVICE, max_retries=2, backoff=0.001, soft404=True)


class Victim:
    """A "public" server on 127.0.0.2 that answers every request 503 (retry me), or
    (`not_found`) 200 with a "not found" page (probe me)."""

    def __init__(self, not_found: bool = False) -> None:
        self.requests = 0
        self.lock = threading.Lock()
        victim = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                with victim.lock:
                    victim.requests += 1
                body = b"<title>Page not found</title>Page not found" if not_found else b""
                self.send_response(200 if not_found else 503)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_HEAD = do_GET

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
def victim() -> Iterator[Victim]:
    server = Victim()
    yield server
    server.stop()


def _check(urls: list[str]) -> None:
    async def wildcard(host: str, port: int) -> list[str]:
        return ["127.0.0.2"]  # every name is the victim's

    async def go() -> None:
        transport = PerHostTransport(
            per_host=2,
            allow_private=False,
            forbidden=only_127_0_0_2_is_public,
            resolver=Resolver(lookup=wildcard),
        )
        async with LinkChecker(
            POLICY,
            archive_url=None,
            probe_urls=(),
            transport=transport,
        ) as checker:
            await checker.check_all([target_for(u) for u in urls])

    asyncio.run(go())


def test_wildcard_names_reach_the_victim_attempts_times_per_link(victim: Victim) -> None:
    _check([f"http://{i}.victim.example:{victim.port}/p{i}" for i in range(LINKS)])
    assert victim.requests == LINKS * (POLICY.max_retries + 1)


def test_a_redirector_reaches_the_victim_no_more_often(victim: Victim) -> None:
    redirector = Hops("127.0.0.2").start()
    try:
        target = f"http://victim.example:{victim.port}"
        _check([redirector.to(f"{target}/p{i}") + f"?{i}" for i in range(LINKS)])
    finally:
        redirector.stop()
    assert victim.requests == LINKS * (POLICY.max_retries + 1)


def test_a_not_found_page_adds_one_probe_per_link_at_most() -> None:
    victim = Victim(not_found=True)
    try:
        _check([f"http://{i}.victim.example:{victim.port}/d{i}/p" for i in range(LINKS)])
    finally:
        victim.stop()
    assert victim.requests == LINKS * 2  # the page, and one probe of its folder
