"""Links that differ only in their fragment are one request.

A fragment is never sent: ``https://victim.example/page#1`` ... ``#5000`` is one page.
Each was a target of its own, so one upload's reference list had us GET the same page
of a third party's five thousand times (the whole per-audit budget), and again for
every upload -- a reflector, with our address on it. Each such link is now checked by
one request and keeps its own URL in the report, and the per-audit budget counts the
request once.

The "victim" is a loopback server this module starts (told public by `forbidden`).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.targets import LINK_KEYS, LinkTarget, target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.links.conftest import FAST
from tests.stand_ins.judged_transport import judged_by

PAGE = b"<html><body>" + b"The victim's page, long enough to be one. " * 20 + b"</body></html>"
LINKS = 40


class _Victim:
    def __init__(self) -> None:
        self.requests: list[str] = []
        victim = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def _answer(self) -> None:
                victim.requests.append(f"{self.command} {self.path}")
                absent = "absent" in self.path
                body = b"" if absent or self.command == "HEAD" else PAGE
                self.send_response(404 if absent else 200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(0 if absent else len(PAGE)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_HEAD = _answer

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> _Victim:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def victim() -> Iterator[_Victim]:
    server = _Victim().start()
    yield server
    server.stop()


def _check_all(victim: _Victim, urls: list[str]) -> list[LinkCheck]:
    async def go() -> list[LinkCheck]:
        async with LinkChecker(
            FAST, probe_urls=[f"{victim.url}/"], transport=judged_by(lambda ip: False, FAST)
        ) as checker:
            return await checker.check_all([target_for(u) for u in urls])

    return asyncio.run(go())


def test_links_differing_in_their_fragment_are_one_request(victim: _Victim) -> None:
    urls = [f"{victim.url}/paper.html#section-{i}" for i in range(LINKS)]
    checks = _check_all(victim, urls)
    asked = [r for r in victim.requests if "/paper.html" in r]
    assert len(asked) <= 2, asked  # one check: a HEAD, and a GET where it falls back
    assert [c.url for c in checks] == urls  # each link still reported as written
    assert all(c.outcome is LinkOutcome.OK for c in checks)


def test_other_links_of_the_page_are_still_asked(victim: _Victim) -> None:
    urls = [f"{victim.url}/paper.html?page={i}" for i in range(3)]
    checks = _check_all(victim, urls)
    assert len({r for r in victim.requests if "/paper.html" in r}) >= 3
    assert [c.url for c in checks] == urls


def test_the_budget_counts_the_request_once() -> None:
    """The per-audit budget names a link by `LINK_KEYS` (`network_budget`)."""
    assert LINK_KEYS.url("https://victim.example/p#a") == LINK_KEYS.url(
        "https://victim.example/p#b"
    )
    assert LINK_KEYS.url("https://victim.example/p?a") != LINK_KEYS.url(
        "https://victim.example/p?b"
    )
    assert LinkTarget("url", "https://victim.example/p#a").key != (
        LinkTarget("url", "https://victim.example/p#b").key
    )


def test_one_page_spelt_many_ways_is_one_request() -> None:
    """Case of scheme and host, a default port, escaped letters, a host's final dot:
    the same page to the server, and so one request."""
    same = [
        "https://victim.example/paper?id=7",
        "HTTPS://ViCtIm.Example/paper?id=7",
        "https://victim.example:443/paper?id=7",
        "https://victim.example./paper?id=7",
        "https://victim.example/%70ap%65r?%69d=7",
        "https://victim.example/paper?id=7#top",
    ]
    assert len({LINK_KEYS.url(u) for u in same}) == 1
    other = ["https://victim.example/Paper?id=7", "https://victim.example/paper?id=8"]
    assert len({LINK_KEYS.url(u) for u in [same[0], *other]}) == 3
    assert LINK_KEYS.url("https://v.example/a%2fb") != LINK_KEYS.url("https://v.example/a/b")
