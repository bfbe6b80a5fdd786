"""A URL's scheme is read without regard to case, wherever the link checker tests it.

RFC 3986 (3.1): schemes are case-insensitive. A DOI's handle record whose URL was
written ``HTTP://...`` was taken for no web URL at all: the DOI was reported
"doi-registered", OK, and its landing page (dead here) never asked.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.handle import ask_handle
from citeaudit.links.policy import HostGate
from citeaudit.links.retry import Backoff
from citeaudit.links.schemes import default_port, is_web_url, web_scheme
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkOutcome
from tests.links.conftest import FAST, LOOPBACK_IS_PUBLIC
from tests.stand_ins.judged_transport import judged_by


class _Servers:
    """A Handle resolver and a landing site on loopback; the site counts its requests
    and answers 404 to each."""

    def __init__(self) -> None:
        self.landing_hits = 0
        servers = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path.startswith("/api/handles/"):
                    doi = self.path.removeprefix("/api/handles/").split("?", 1)[0].lower()
                    url = servers.landing.rstrip("/").replace("http://", "HTTP://", 1)
                    body = {
                        "responseCode": 1,
                        "handle": doi,
                        "values": [{"index": 1, "type": "URL", "data": {"value": f"{url}/gone"}}],
                    }
                    data = json.dumps(body).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                else:
                    if self.server is servers.site_server:
                        servers.landing_hits += 1
                    data = b"not here"
                    self.send_response(404)
                    self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            do_HEAD = do_GET

            def log_message(self, *args: object) -> None:
                pass

        self.resolver_server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.site_server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.resolver = f"http://127.0.0.1:{self.resolver_server.server_address[1]}"
        self.landing = f"http://127.0.0.1:{self.site_server.server_address[1]}/"
        for server in (self.resolver_server, self.site_server):
            threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
            ).start()

    def close(self) -> None:
        for server in (self.resolver_server, self.site_server):
            server.shutdown()
            server.server_close()


@pytest.fixture
def servers() -> Iterator[_Servers]:
    s = _Servers()
    yield s
    s.close()


def test_a_handle_record_in_upper_case_is_still_a_web_url(servers: _Servers) -> None:
    async def go() -> object:
        async with LinkChecker(
            FAST,
            doi_url=servers.resolver,
            archive_url=servers.resolver + "/wayback/available",
            probe_urls=[servers.resolver + "/"],
            dns_names=["localhost"],
            transport=judged_by(LOOPBACK_IS_PUBLIC, FAST),
        ) as checker:
            return (await checker.check_all([target_for("10.1234/upper-case-record")]))[0]

    result = asyncio.run(go())
    assert servers.landing_hits >= 1  # the landing page was asked
    assert result.outcome is LinkOutcome.BROKEN  # type: ignore[attr-defined]
    assert result.reason == "doi-target-status-404"  # type: ignore[attr-defined]


def test_ask_handle_keeps_an_upper_case_target(servers: _Servers) -> None:
    import httpx

    async def go() -> object:
        async with httpx.AsyncClient() as client:
            return await ask_handle(
                client,
                servers.resolver,
                "10.1234/x",
                gate=HostGate(1, 0.0),
                shared=asyncio.Semaphore(1),
                retry=Backoff(attempts=1, base=0.0, max_retry_after=0.0),
            )

    answer = asyncio.run(go())
    assert answer.target is not None  # type: ignore[attr-defined]
    assert answer.target.startswith("http://127.0.0.1:")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("HTTP://example.org/", "http"),
        ("Https://example.org/", "https"),
        ("hTtPs://example.org/", "https"),
        ("https://example.org/", "https"),
        ("ftp://example.org/", None),
        ("javascript:alert(1)", None),
        ("httpx://example.org/", None),
        ("", None),
    ],
)
def test_web_scheme_ignores_case(url: str, scheme: str | None) -> None:
    assert web_scheme(url) == scheme
    assert is_web_url(url) is (scheme is not None)


def test_default_port_ignores_case() -> None:
    assert default_port("HTTPS") == 443
    assert default_port("Http") == 80


def test_an_upper_case_archive_snapshot_is_upgraded_to_https() -> None:
    from citeaudit.links.archive import snapshot_from

    closest = {
        "available": True,
        "status": "200",
        "url": "HTTP://web.archive.org/web/2020/https://example.org/x",
    }
    assert snapshot_from({"archived_snapshots": {"closest": closest}}) == (
        "https://web.archive.org/web/2020/https://example.org/x"
    )
