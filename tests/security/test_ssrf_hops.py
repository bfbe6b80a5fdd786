"""The SSRF guard on every network hop: link checks, the DOI resolver, the registry
clients (doi.org, DataCite, Crossref through habanero) and webhook deliveries.

Every "private" target is a loopback listener (`PrivateService`) that must never
receive a connection; the rule is the service's (private networks not allowed, only
the stand-in registries' exact origins exempt). A "public" host is played by
127.0.0.2, the one address the injected rule lets through.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import gzip
import ipaddress
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest

from citeaudit.doi import doi_refusal
from citeaudit.links.checker import LinkChecker
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import AddressRule, IPAddress, Resolver, is_forbidden_address
from citeaudit.links.targets import LinkTarget, target_for
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.channel import Channel
from citeaudit.resolve.datacite import DataCiteRegistry
from citeaudit.resolve.doi import HandleRegistry
from citeaudit.resolve.enricher import build_resolver
from citeaudit.resolve.interface import Answer
from citeaudit.resolve.limiter import LocalLimiter
from citeaudit.watch.webhook import DeliveryError, post
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.stand_ins.judged_transport import judged_by
from tests.stand_ins.private_service import SECRET, PrivateService
from tests.stand_ins.registry_server import RegistryStandIn

SERVICE = LinkPolicy(
    concurrency=4,
    per_host=4,
    min_interval=0.0,
    connect_timeout=2.0,
    read_timeout=2.0,
    total_timeout=3.0,
    max_retries=0,
    backoff=0.01,
    probe_timeout=2.0,
    archive=False,
    soft404=False,
    allow_private_networks=False,
)

PUBLIC = ipaddress.ip_address("127.0.0.2")


def only_127_0_0_2_is_public(ip: IPAddress) -> bool:
    return ip != PUBLIC


# -- addresses that carry, or are, a private address -----------------------------------

FORBIDDEN_ADDRESSES = [
    "127.0.0.1",
    "10.1.2.3",
    "169.254.169.254",
    "192.88.99.1",  # the deprecated 6to4 relay anycast
    "2002:7f00:1::",  # 6to4 of 127.0.0.1
    "2002:c0a8:101::",  # 6to4 of 192.168.1.1
    "2002:a9fe:a9fe::",  # 6to4 of the metadata service
    "2002:a00:1::1",  # 6to4 of 10.0.0.1
    "fec0::1",  # deprecated site-local
    "fc00::1",
    "fe80::1",
    "::1",
    "::",
    "::7f00:1",  # IPv4-compatible 127.0.0.1
    "::ffff:127.0.0.1",
    "::ffff:a9fe:a9fe",
    "::ffff:0:7f00:1",  # IPv4-translated (SIIT) 127.0.0.1
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of the metadata service
    "64:ff9b:1:7f00:0:100::",  # local-use NAT64 (/48) of 127.0.0.1
    "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
    "2001:0:7f00:1::1",  # Teredo, server 127.0.0.1
    "2600::5efe:a00:1",  # ISATAP interface of 10.0.0.1
    "2600::200:5efe:c0a8:101",  # ISATAP interface of 192.168.1.1
    "2001:db8::1",
    "3fff::1",
    "100::1",
    "5f00::1",
    "ff02::1",
    "fd00:ec2::254",
]

PUBLIC_ADDRESSES = [
    "8.8.8.8",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
    "2002:808:808::1",  # 6to4 of 8.8.8.8
    "64:ff9b::808:808",  # NAT64 of 8.8.8.8 (what DNS64 answers on an IPv6-only network)
]


@pytest.mark.parametrize("address", FORBIDDEN_ADDRESSES)
def test_addresses_carrying_a_private_address_are_forbidden(address: str) -> None:
    assert is_forbidden_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", PUBLIC_ADDRESSES)
def test_public_addresses_and_their_public_embeddings_are_allowed(address: str) -> None:
    assert not is_forbidden_address(ipaddress.ip_address(address))


def test_a_name_answering_6to4_of_loopback_is_refused_before_connecting() -> None:
    """The resolver's answer is the embedded form: refused as a private address."""
    questions: list[str] = []

    async def dns(host: str, port: int) -> list[str]:
        questions.append(host)
        return ["2002:7f00:1::"]

    async def go() -> LinkCheck:
        transport = PerHostTransport(per_host=2, allow_private=False, resolver=Resolver(lookup=dns))
        async with LinkChecker(SERVICE, transport=transport, probe_urls=()) as checker:
            return await checker.check(LinkTarget("url", "http://sixtofour.test/x"))

    check = asyncio.run(go())
    assert questions == ["sixtofour.test"]
    assert check.reason == "private-address"


# -- one host, many spellings ------------------------------------------------------------

# Every one names 127.0.0.1 (or loopback) on port {port}, the private service's.
SPELLINGS = [
    "http://127.0.0.1:{port}/",
    "http://127.1:{port}/",
    "http://0x7f.1:{port}/",
    "http://0x7f000001:{port}/",
    "http://0177.0.0.1:{port}/",
    "http://0177.0.0.01:{port}/",
    "http://127.000.000.001:{port}/",
    "http://2130706433:{port}/",
    "http://127.0.0.1.:{port}/",
    "http://127.0.0.1\u3002:{port}/",  # an ideographic full stop
    "http://[::ffff:127.0.0.1]:{port}/",
    "http://[::ffff:7f00:1]:{port}/",
    "http://[::1]:{port}/",
    "http://[::127.0.0.1]:{port}/",
    "http://localhost:{port}/",
    "http://localhost.:{port}/",
    "http://LOCALHOST:{port}/",
    "http://api.localhost:{port}/",
    "http://\uff11\uff12\uff17.\uff10.\uff10.\uff11:{port}/",  # full-width digits
    "http://1\uff127.0.0.1:{port}/",
    "http://127%2e0%2e0%2e1:{port}/",
    "http://%31%32%37.0.0.1:{port}/",
    "http://loc%61lhost:{port}/",
    "http://good.com@127.0.0.1:{port}/",
    "http://127.0.0.1:{port}#@good.com/",
    "http://0:{port}/",
    "http://0.0.0.0:{port}/",
]


# How other parsers (a browser following the same Location, the C library) read hosts
# that Python's urlsplit or httpx read otherwise: each names loopback to one of them.
OTHER_READINGS = [
    "http://12\n7.0.0.1:{port}/",
    "http://127.0.0.1\t:{port}/",
    "http:\\\\127.0.0.1:{port}/",
    "https:/\\127.0.0.1:{port}/",
    "http://127.0.0.1\\@good.com/",
    "http://a@b@127.0.0.1:{port}/",
    "http://[::ffff:127.0.0.1%25eth0]:{port}/",
]


@pytest.mark.parametrize("url", SPELLINGS + OTHER_READINGS)
def test_the_rule_refuses_every_reading_of_a_loopback_url(url: str) -> None:
    service = AddressRule()
    assert service.url_refusal(url.format(port=8080)) is not None
    assert AddressRule(allow_private=True).url_refusal(url.format(port=8080)) is None


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a@127.0.0.1",
        "https://127.0.0.1.example.org/",
        "https://0x7f.example/",
        "https://12.34.56.78.nip.example/",
        "https://localhost.example.org/",
        "https://example.org/?next=http://127.0.0.1/",
        "https://example.org/#@127.0.0.1",
        "http://8.8.8.8/",
        "https://[2606:4700:4700::1111]/",
    ],
)
def test_public_urls_that_mention_loopback_are_not_refused(url: str) -> None:
    assert AddressRule().url_refusal(url) is None


@pytest.fixture
def private() -> Iterator[PrivateService]:
    service = PrivateService("127.0.0.1").start()
    yield service
    service.stop()


@pytest.fixture
def registry() -> Iterator[RegistryStandIn]:
    server = RegistryStandIn().start()
    yield server
    server.stop()


class Hops:
    """A "public" web server on 127.0.0.2: ```/to/<URL %-encoded>/...`` answers 302 to URL exactly;
    ``/big`` and ``/bomb`` answer a huge JSON body, plainly or gzip-compressed;
    ``/loop`` redirects to itself forever; ``/trickle`` sends its headers slowly;
    ``/gone`` is a 404 and ``/archive/<URL %-encoded>`` an archive API naming URL.
    Every request's path and Authorization header is kept."""

    BIG = 64 * 1024 * 1024  # bytes /big would send in all

    def __init__(self, host: str = "127.0.0.2") -> None:
        self.paths: list[str] = []
        self.authorizations: list[str] = []
        self.header_names: set[str] = set()
        self.sent = 0
        self.lock = threading.Lock()
        self._server = ThreadingHTTPServer((host, 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def to(self, location: str) -> str:
        """A URL of this server that redirects to `location`, whatever path follows."""
        return f"{self.url}/to/{quote(location, safe='')}"

    def start(self) -> Hops:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        hops = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                with hops.lock:
                    hops.paths.append(self.path)
                    hops.authorizations.append(self.headers.get("Authorization", ""))
                    hops.header_names.update(k.lower() for k in self.headers)
                parts = urlsplit(self.path)
                if parts.path.startswith("/to/"):
                    location = unquote(parts.path.split("/")[2])
                    self.send_response(302)
                    # UTF-8 as it stands (send_header would insist on Latin-1).
                    self._headers_buffer.append(f"Location: {location}\r\n".encode())
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif parts.path.startswith("/archive/"):
                    snapshot = unquote(parts.path.split("/")[2])
                    closest = {"available": True, "status": "200", "url": snapshot}
                    self._json(json.dumps({"archived_snapshots": {"closest": closest}}).encode())
                elif parts.path == "/gone":
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif parts.path.startswith("/loop"):
                    self.send_response(302)
                    self.send_header("Location", f"/loop{len(hops.paths)}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif parts.path.startswith("/big"):
                    self._big()
                elif parts.path.startswith("/bomb"):
                    self._bomb()
                elif parts.path.startswith("/trickle"):
                    self._trickle()
                else:
                    self._json(b'{"responseCode": 1, "values": []}')

            do_POST = do_GET

            def _json(self, body: bytes) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _big(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(ANSWER) + Hops.BIG))
                self.end_headers()
                chunk = b" " * (1024 * 1024)
                try:
                    self.wfile.write(ANSWER[:-1])
                    for _ in range(Hops.BIG // len(chunk)):
                        self.wfile.write(chunk)
                        with hops.lock:
                            hops.sent += len(chunk)
                    self.wfile.write(ANSWER[-1:])
                except OSError:
                    return

            def _bomb(self) -> None:
                body = bomb()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _trickle(self) -> None:
                # The status line, then one header byte every 50 ms for 4 s: each read
                # is quick, the whole answer is not.
                try:
                    self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                    self.wfile.flush()
                    for _ in range(80):
                        time.sleep(0.05)
                        self.wfile.write(b"a")
                        self.wfile.flush()
                    self.wfile.write(b"\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    return

        return Handler


# A registry answer that would be taken as found (handle and DataCite shapes at once).
ANSWER = b'{"responseCode": 1, "values": [], "data": {"attributes": {"doi": "10.1000/x"}}}'


@functools.cache
def bomb() -> bytes:
    """`ANSWER` padded with 32 MB of spaces (twice the registries' bound), gzip-compressed
    (about 140 KB)."""
    return gzip.compress(ANSWER[:-1] + b" " * (Hops.BIG // 2) + ANSWER[-1:], compresslevel=1)


@pytest.fixture
def hops() -> Iterator[Hops]:
    server = Hops().start()
    yield server
    server.stop()


def link_check(
    values: list[str],
    *,
    doi_url: str = "http://127.0.0.2:9",
    policy: LinkPolicy = SERVICE,
) -> list[LinkCheck]:
    async def go() -> list[LinkCheck]:
        async with LinkChecker(
            policy,
            doi_url=doi_url,
            archive_url=None,
            probe_urls=(),
            transport=judged_by(only_127_0_0_2_is_public, policy),
        ) as checker:
            return await checker.check_all([target_for(v) for v in values])

    return asyncio.run(go())


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_of_loopback_is_refused_as_private_on_the_first_request(
    private: PrivateService, spelling: str
) -> None:
    url = spelling.format(port=private.port)
    check = link_check([url])[0]
    assert private.contacts == 0
    assert check.outcome is not LinkOutcome.OK
    assert check.reason == "private-address", url


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_of_loopback_is_refused_as_private_on_a_redirect_hop(
    private: PrivateService, hops: Hops, spelling: str
) -> None:
    location = spelling.format(port=private.port)
    check = link_check([hops.to(location)])[0]
    assert hops.paths, "the public first hop was asked"
    assert private.contacts == 0
    assert check.reason == "private-address", location


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_the_doi_resolver_redirecting_to_any_spelling_of_loopback_is_refused(
    private: PrivateService, hops: Hops, spelling: str
) -> None:
    """The resolver's origin is exempt; where it redirects to is not."""
    check = link_check(["10.1234/alive"], doi_url=hops.to(spelling.format(port=private.port)))[0]
    assert hops.paths
    assert private.contacts == 0
    assert check.reason == "resolver-private-address"
    assert SECRET not in repr(check)


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_doi_whose_landing_page_is_any_spelling_of_loopback_is_refused(
    private: PrivateService, hops: Hops, spelling: str
) -> None:
    """The Handle API (the exempt resolver) names a private landing page."""
    landing = spelling.format(port=private.port)
    handles = RegistryStandIn()
    handles.handle = lambda doi: (  # type: ignore[method-assign]
        200,
        {"responseCode": 1, "values": [{"type": "URL", "data": {"value": landing}}]},
    )
    handles.start()
    try:
        check = link_check(["10.1234/alive"], doi_url=handles.url)[0]
    finally:
        handles.stop()
    assert private.contacts == 0
    assert check.outcome is LinkOutcome.UNVERIFIED  # never "ok": it was not checked
    assert check.reason == "doi-target-private-address"


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_registries_redirected_to_any_spelling_of_loopback_are_refused(
    private: PrivateService, hops: Hops, spelling: str, tmp_path: Path
) -> None:
    """doi.org, DataCite and Crossref at an exempt origin that redirects elsewhere."""
    base = hops.to(spelling.format(port=private.port))
    resolver = build_resolver(settings_for(base, tmp_path / "cache"), policy=FAST_RETRY)
    refs = [
        ref("crossref", title="A", doi="10.1038/nature14539"),
        ref("datacite", title="B", doi="10.5281/zenodo.1234"),
        ref("query", title="Deep learning", authors=("LeCun, Y.",), year=2015, container="N"),
    ]
    try:
        run = resolver.resolve(refs)
    finally:
        resolver.close()
    assert hops.paths
    assert private.contacts == 0
    for resolution in run.resolutions.values():
        assert resolution.state is not ResolutionState.RESOLVED
        assert SECRET not in repr(resolution)


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_webhooks_to_any_spelling_of_loopback_are_refused_as_private(
    private: PrivateService, spelling: str
) -> None:
    url = spelling.format(port=private.port) + "hook"
    with pytest.raises(DeliveryError) as caught:
        post(url, {}, "s", event="e", delivery="1", timeout=2.0, allow_private=False)
    assert private.contacts == 0
    assert caught.value.permanent
    assert "private address" in str(caught.value), (url, str(caught.value))


# -- other schemes, and loops -------------------------------------------------------------

OTHER_SCHEMES = [
    "file:///etc/passwd",
    "ftp://127.0.0.1:{port}/x",
    "gopher://127.0.0.1:{port}/_GET%20/",
    "data:text/plain,hello",
    "dict://127.0.0.1:{port}/",
    "FILE:///etc/passwd",
    " file:///etc/passwd",
]
ODD_FORMS = [
    "//127.0.0.1:{port}/",  # scheme-relative: the hop's own scheme, a private host
    "http:127.0.0.1:{port}/",
    "https:/127.0.0.1:{port}/",
    "http:\\\\127.0.0.1:{port}\\",
    "/\\127.0.0.1:{port}/",
]


@pytest.mark.parametrize("location", OTHER_SCHEMES + ODD_FORMS)
def test_redirects_to_other_schemes_or_odd_forms_never_reach_the_private_service(
    private: PrivateService, hops: Hops, location: str, tmp_path: Path
) -> None:
    target = location.format(port=private.port)
    check = link_check([hops.to(target)])[0]
    if location in OTHER_SCHEMES:
        assert check.reason == "redirect-scheme"
    resolver = build_resolver(settings_for(hops.to(target), tmp_path / "cache"), policy=FAST_RETRY)
    try:
        run = resolver.resolve([ref("crossref", title="A", doi="10.1038/nature14539")])
    finally:
        resolver.close()
    if location in OTHER_SCHEMES:
        assert run.resolutions["crossref"].state is not ResolutionState.RESOLVED
    assert private.contacts == 0


def test_a_registry_redirect_loop_ends_after_a_few_hops(hops: Hops, tmp_path: Path) -> None:
    """Crossref follows redirects: a bounded number, and then a bounded number of tries."""
    resolver = build_resolver(settings_for(hops.url + "/loop", tmp_path / "c"), policy=FAST_RETRY)
    try:
        run = resolver.resolve([ref("q", title="Deep learning", authors=("LeCun, Y.",), year=2015)])
    finally:
        resolver.close()
    assert run.resolutions["q"].state is not ResolutionState.RESOLVED
    assert 0 < len(hops.paths) <= 40


# -- the environment never routes around the check ------------------------------------------


@pytest.fixture
def hostile_environment(
    monkeypatch: pytest.MonkeyPatch, private: PrivateService, tmp_path: Path
) -> PrivateService:
    """Proxies pointing at the private service, and a .netrc for every loopback host."""
    proxy = private.url("")
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.setenv(name, proxy)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    netrc = tmp_path / "netrc"
    netrc.write_text(
        "".join(f"machine {h} login leaked password hunter2\n" for h in ("127.0.0.1", "127.0.0.2"))
    )
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / ".netrc").write_text(netrc.read_text())
    (tmp_path / ".netrc").chmod(0o600)
    return private


def test_environment_proxies_and_netrc_are_ignored_by_every_client(
    hostile_environment: PrivateService, hops: Hops, registry: RegistryStandIn, tmp_path: Path
) -> None:
    private = hostile_environment
    # Link checks (links and the exempt resolver).
    checks = link_check([hops.url + "/page", "10.1234/alive"], doi_url=hops.url)
    assert checks[0].outcome is LinkOutcome.OK
    # Registries.
    resolver = build_resolver(settings_for(registry.url, tmp_path / "cache"), policy=FAST_RETRY)
    try:
        run = resolver.resolve([ref("ok", title="A", doi="10.1038/nature14539")])
    finally:
        resolver.close()
    assert run.resolutions["ok"].state is ResolutionState.RESOLVED
    # Webhooks.
    post(
        hops.url + "/hook",
        {},
        "s",
        event="e",
        delivery="1",
        timeout=2.0,
        allow_private=False,
        forbidden=only_127_0_0_2_is_public,
    )
    assert private.contacts == 0
    assert hops.paths and not any(hops.authorizations)


# -- the address connected to is the address checked ---------------------------------------


@pytest.fixture
def pair() -> Iterator[tuple[PrivateService, PrivateService]]:
    public = PrivateService("127.0.0.2").start()
    private = PrivateService("127.0.0.3", public.port).start()
    try:
        yield public, private
    finally:
        public.stop()
        private.stop()


def test_link_checks_connect_to_the_address_checked_when_dns_rebinds(
    pair: tuple[PrivateService, PrivateService],
) -> None:
    """A name answers public, then private: every new connection asks and checks again."""
    public, private = pair
    answers = iter(["127.0.0.2", "127.0.0.3", "127.0.0.3", "127.0.0.3"])

    async def dns(host: str, port: int) -> list[str]:
        return [next(answers)]

    async def go() -> list[LinkCheck]:
        transport = PerHostTransport(
            per_host=1,
            allow_private=False,
            forbidden=only_127_0_0_2_is_public,
            resolver=Resolver(ttl=0, lookup=dns),
        )
        async with LinkChecker(SERVICE, transport=transport, probe_urls=()) as checker:
            first = await checker.check(LinkTarget("url", f"http://rebind.test:{public.port}/a"))
            second = await checker.check(LinkTarget("url", f"http://rebind.test:{public.port}/b"))
            return [first, second]

    first, second = asyncio.run(go())
    assert first.outcome is LinkOutcome.OK
    assert public.requests in (["GET /a"], ["HEAD /a"])
    assert second.reason == "private-address"
    assert private.contacts == 0


# -- DOIs stay in their own path segment in every registry URL --------------------------------

HOSTILE_DOIS = [
    "10.1000/a@evil.example",
    "10.1000/a#@evil.example/",
    "10.1000/a?x=1&y=2",
    "10.1000/a%2Fb",
    "10.1000/a%40b",
    "10.1000/@127.0.0.1",
    "10.1000/a;b=c",
]
REFUSED_DOIS = [
    "10.1/../../admin?x=",
    "10.1000/a\r\nX-Injected: yes",
    "10.1000/a\nb",
    "10.1000/..%2F..%2Fadmin",
]


def test_hostile_dois_stay_in_their_path_segment_at_every_registry(
    registry: RegistryStandIn, tmp_path: Path
) -> None:
    resolver = build_resolver(settings_for(registry.url, tmp_path / "cache"), policy=FAST_RETRY)
    refs = [ref(f"r{i}", title="T", doi=d) for i, d in enumerate(HOSTILE_DOIS + REFUSED_DOIS)]
    try:
        resolver.resolve(refs)
    finally:
        resolver.close()
    asked: set[str] = set()
    for path in registry.paths:
        parts = urlsplit(path)
        for route in ("/api/handles/", "/dois/", "/works/"):
            if parts.path.startswith(route):
                assert parts.query in ("", "type=URL") or "mailto" in parts.query
                asked.add(unquote(parts.path[len(route) :]))
        if parts.path == "/works":
            for value in parse_qs(parts.query).get("filter", []):
                asked.update(v.removeprefix("doi:") for v in value.split(","))
    for doi in REFUSED_DOIS:
        assert doi_refusal(doi) is not None and doi.lower() not in asked
    assert all("\n" not in p and "\r" not in p for p in registry.paths)
    assert {d.lower() for d in HOSTILE_DOIS} <= asked  # each asked as itself, whole


# -- bounded answers from registries and webhook receivers --------------------------------------


def _channel() -> Channel:
    return Channel("test", LocalLimiter(100, 4), policy=FAST_RETRY)


@pytest.mark.parametrize("route", ["/big", "/bomb"])
def test_a_registry_answer_is_read_only_up_to_a_bound(hops: Hops, route: str) -> None:
    for registry in (
        HandleRegistry(_channel(), base_url=hops.url + route),
        DataCiteRegistry(_channel(), base_url=hops.url + route),
    ):
        try:
            answer = (
                registry.lookup("10.1000/x").answer
                if isinstance(registry, HandleRegistry)
                else registry.work("10.1000/x").answer
            )
        finally:
            registry.close()
        assert answer is Answer.UNAVAILABLE
    assert hops.sent < Hops.BIG


def test_crossref_answer_is_read_only_up_to_a_bound(hops: Hops, tmp_path: Path) -> None:
    resolver = build_resolver(settings_for(hops.url + "/bomb", tmp_path / "c"), policy=FAST_RETRY)
    try:
        run = resolver.resolve([ref("q", title="Deep learning", authors=("LeCun, Y.",), year=2015)])
    finally:
        resolver.close()
    assert run.resolutions["q"].state is not ResolutionState.RESOLVED


@pytest.mark.parametrize("route", ["/big", "/bomb"])
def test_a_webhook_receivers_answer_body_is_not_read(hops: Hops, route: str) -> None:
    post(
        hops.url + route,
        {},
        "s",
        event="e",
        delivery="1",
        timeout=2.0,
        allow_private=False,
        forbidden=only_127_0_0_2_is_public,
    )
    assert hops.sent < Hops.BIG


def test_a_webhook_receiver_trickling_its_answer_does_not_hold_the_worker(hops: Hops) -> None:
    """Each byte comes well within the timeout; the whole answer does not."""
    with pytest.raises(DeliveryError):
        post(
            hops.url + "/trickle",
            {},
            "s",
            event="e",
            delivery="1",
            timeout=0.5,
            allow_private=False,
            forbidden=only_127_0_0_2_is_public,
        )


@pytest.mark.parametrize("route", ["/big", "/bomb"])
def test_the_doi_resolvers_answer_is_read_only_up_to_a_bound(hops: Hops, route: str) -> None:
    check = link_check(["10.1234/alive"], doi_url=hops.url + route)[0]
    assert check.outcome is not LinkOutcome.OK
    assert check.reason is not None and check.reason.startswith("resolver-")
    assert hops.sent < Hops.BIG


@pytest.mark.parametrize(
    ("snapshot", "kept"),
    [
        ("https://web.archive.org/web/2020/https://example.org/a", True),
        ("javascript:alert(document.cookie)", False),
        ("file:///etc/passwd", False),
        ("https://exa mple.org/\nInjected: 1", False),
    ],
)
def test_only_an_http_url_is_taken_from_the_archive(hops: Hops, snapshot: str, kept: bool) -> None:
    """The archive's answer is shown as a link and written by an unsafe fix."""

    async def go() -> LinkCheck:
        policy = dataclasses.replace(SERVICE, archive=True)
        async with LinkChecker(
            policy,
            doi_url=hops.url,
            archive_url=f"{hops.url}/archive/{quote(snapshot, safe='')}",
            probe_urls=(),
            transport=judged_by(only_127_0_0_2_is_public, policy),
        ) as checker:
            return await checker.check(LinkTarget("url", hops.url + "/gone"))

    check = asyncio.run(go())
    assert check.outcome is LinkOutcome.BROKEN
    assert check.archive_url == (snapshot if kept else None)


INJECTIONS = [
    "/a%0d%0aX-Injected:%20yes",
    "/a%0D%0AX-Injected: yes",
    "/a\r\nX-Injected: yes",
    "/a\nX-Injected: yes",
    "/a?q=1\r\nX-Injected: yes",
    "/a#\r\nX-Injected: yes",
]


@pytest.mark.parametrize("suffix", INJECTIONS)
def test_no_header_is_injected_through_a_url(hops: Hops, suffix: str) -> None:
    """Links, redirect Locations and webhook URLs: CR/LF never reach the request."""
    link_check([hops.url + suffix, hops.to(hops.url + suffix)])
    with contextlib.suppress(DeliveryError):
        post(
            hops.url + suffix,
            {},
            "s",
            event="e",
            delivery="1",
            timeout=2.0,
            allow_private=False,
            forbidden=only_127_0_0_2_is_public,
        )
    assert "x-injected" not in hops.header_names
    assert all("\r" not in p and "\n" not in p for p in hops.paths)
