"""The clients of our own services keep no cookie: a registry's Set-Cookie is never
sent back, and cannot pile up for the client's life.

Before: the link checker's chain had its own bounded cookies (nf24), but every other
client kept httpx's default jar -- the registries' pinned clients (doi.org's Handle
API and DataCite on httpx, Crossref through habanero on httpx2; each serves a whole
resolution run, and habanero's fallback client the whole process), the link phase's
trusted client (the DOI resolver, the archive, the reachability probe) and the
webhook client. Each answer's cookies were kept and every later request of the
client sent all of them back. A registry answering with 200 cookies an answer (a
mirror, a spoofed or poisoned name: the same hostile registry the JSON-flood tests
assume) grew each look-up's Cookie header by 200 cookies and the jar without bound:
40 look-ups of a resolution run sent an 81 KB Cookie header on the last; at the
256 KB head bound (about 15,000 cookies an answer) and the 5,000 look-ups of one
audit, the jar would hold tens of millions. Cookies set for one audit's look-ups
also went back on another account's audit through habanero's process-wide client.
None of these services needs a cookie: each client now refuses every cookie
(`cookies.no_jar`, as the link fetcher's shared client already does).

Seen from the stand-in: every request after the first carries no Cookie header.
"""

from __future__ import annotations

import asyncio
import json
import socket
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.pinned import pinned_client, pinned_client2
from citeaudit.links.safety import AddressRule, allowed
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkOutcome
from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.enricher import build_resolver
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.security.redteam_net_server import loopback_policy

PER_ANSWER = 200  # Set-Cookie lines in each answer, each a name of its own


class CookieServer:
    """A loopback stand-in for every registry and the DOI resolver: it sets
    `PER_ANSWER` new cookies in every answer and notes, per request, the path and
    the Cookie header it was sent (None when none)."""

    def __init__(self, found: bool = False) -> None:
        self.seen: list[tuple[str, str | None]] = []
        self._lock = threading.Lock()
        outer = self

        class _Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                sock: socket.socket = self.request
                sock.settimeout(10)
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = sock.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                lines = data.partition(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
                method, target = lines[0].split(" ")[:2]
                cookie = next(
                    (v.strip() for k, _, v in (h.partition(":") for h in lines[1:])
                     if k.strip().lower() == "cookie"),
                    None,
                )  # fmt: skip
                with outer._lock:
                    outer.seen.append((target, cookie))
                    n = len(outer.seen)
                sets = [f"Set-Cookie: n{n}x{i}=v; Path=/" for i in range(PER_ANSWER)]
                status, body = outer._answer(method, target, found)
                head = [f"HTTP/1.1 {status}", *sets, "Content-Type: application/json"]
                head += [f"Content-Length: {len(body)}", "Connection: close", "", ""]
                sock.sendall("\r\n".join(head).encode("latin-1") + body)

        class _Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = _Server(("127.0.0.1", 0), _Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    @staticmethod
    def _answer(method: str, target: str, found: bool) -> tuple[str, bytes]:
        if method == "HEAD" or not found:
            return ("200 OK" if method == "HEAD" else "404 Not Found"), b""
        if target.startswith("/dois/"):
            doi = target[len("/dois/") :]
            attributes = {
                "doi": doi,
                "titles": [{"title": "A dataset"}],
                "creators": [{"familyName": "Roe", "givenName": "A"}],
                "publicationYear": 2019,
                "types": {"resourceTypeGeneral": "Dataset"},
            }
            return "200 OK", json.dumps({"data": {"id": doi, "attributes": attributes}}).encode()
        return "404 Not Found", b""

    def sent_back(self) -> list[tuple[str, str | None]]:
        """The requests that carried a cookie."""
        with self._lock:
            return [(t, c) for t, c in self.seen if c]

    def start(self) -> CookieServer:
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def server() -> Iterator[CookieServer]:
    s = CookieServer().start()
    yield s
    s.stop()


def _biggest(sent: list[tuple[str, str | None]]) -> int:
    return max((len(c or "") for _, c in sent), default=0)


def test_registries_send_no_cookie_back(server: CookieServer, tmp_path: Path) -> None:
    """Crossref (habanero, httpx2), DataCite and doi.org's Handle API (httpx): one run
    of 20 look-ups, every answer setting 200 cookies."""
    refs = [ref(f"c{i}", title=f"Work {i}", doi=f"10.1000/w{i}") for i in range(10)]
    refs += [ref(f"d{i}", title=f"Data {i}", doi=f"10.5281/zenodo.{i}") for i in range(10)]
    resolver = build_resolver(settings_for(server.url, tmp_path / "c"), policy=FAST_RETRY)
    try:
        resolver.resolve(refs)
    finally:
        resolver.close()
    assert len(server.seen) >= 20
    sent = server.sent_back()
    assert not sent, f"{len(sent)} requests sent cookies back, up to {_biggest(sent)} bytes"


def test_doi_checks_send_the_resolver_no_cookie_back(server: CookieServer) -> None:
    """The link phase's trusted client: ten DOIs asked of the resolver's Handle API."""

    async def go() -> None:
        async with LinkChecker(
            loopback_policy(probe_timeout=2.0), doi_url=server.url, probe_urls=[server.url + "/"]
        ) as checker:
            checks = await checker.check_all([target_for(f"10.1000/x{i}") for i in range(10)])
        assert all(c.outcome is LinkOutcome.UNVERIFIED for c in checks)  # a bare 404

    asyncio.run(go())
    assert len(server.seen) >= 10
    sent = server.sent_back()
    assert not sent, f"{len(sent)} requests sent cookies back, up to {_biggest(sent)} bytes"


@pytest.mark.parametrize("factory", [pinned_client, pinned_client2], ids=["httpx", "httpx2"])
def test_a_pinned_client_keeps_no_cookie(server: CookieServer, factory: object) -> None:
    """The one factory of every registry's, webhook's and habanero's fallback client:
    five requests of one client, none sending a cookie back, none kept."""
    rule = AddressRule(allowed_origins=allowed([server.url]))
    with factory(rule, timeout=5.0) as client:  # type: ignore[operator]
        for i in range(5):
            client.get(f"{server.url}/dois/10.1000/{i}")
        kept = len(client.cookies.jar)
    sent = server.sent_back()
    assert (len(sent), kept) == (0, 0), f"sent back {len(sent)} times, {kept} kept"


def test_a_registry_that_sets_cookies_still_answers(tmp_path: Path) -> None:
    """Guard: refusing the cookies changes no answer (DataCite records still found)."""
    s = CookieServer(found=True).start()
    try:
        refs = [
            ref(f"d{i}", title="A dataset", authors=("Roe, A.",), doi=f"10.5281/zenodo.{i}")
            for i in range(3)
        ]
        resolver = build_resolver(settings_for(s.url, tmp_path / "c"), policy=FAST_RETRY)
        try:
            run = resolver.resolve(refs)
        finally:
            resolver.close()
    finally:
        s.stop()
    states = {k: r.state for k, r in run.resolutions.items()}
    assert set(states) == {"d0", "d1", "d2"}
    assert all(state is ResolutionState.RESOLVED for state in states.values()), states
