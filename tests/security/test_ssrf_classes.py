"""SSRF classes closed at the address rule and the clients' plumbing, on real sockets.

- Cloud metadata (and every link-local address) is refused even where private
  networks are allowed: the CLI by default, a service told so.
- A host is read as IDNA's own table reads it (ignored code points, newer digits).
- A name server that never answers holds no worker: not the registry clients' or a
  webhook's thread, not ``asyncio.run`` at the end of a link phase.
- The environment does not choose whom TLS trusts (SSL_CERT_FILE, SSL_CERT_DIR).
- Every habanero module that sends goes through the pinned client.

A "metadata service" is a loopback listener on 127.0.0.3 that the rule is told is one
(`AddressRule.metadata`, as `forbidden` stands 127.0.0.2 in for a public host); a
silent name server is ``socket.getaddrinfo`` waiting for a name until the test lets it
go (the system resolver cannot be pointed at a test's server).
"""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

import habanero.counts
import httpx
import httpx2
import idna
import pytest

from citeaudit.links import lookups
from citeaudit.links.checker import LinkChecker
from citeaudit.links.pinned import pinned_client, pinned_client2
from citeaudit.links.safety import (
    AddressRule,
    IPAddress,
    NonPublicAddress,
    Resolver,
    is_forbidden_address,
    is_metadata_address,
)
from citeaudit.links.targets import LinkTarget
from citeaudit.links.tls import default_ssl_context
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.resolve.channel import Channel
from citeaudit.resolve.crossref import CrossrefRegistry
from citeaudit.resolve.datacite import DataCiteRegistry
from citeaudit.resolve.doi import HandleRegistry
from citeaudit.resolve.interface import Answer
from citeaudit.resolve.limiter import LocalLimiter
from citeaudit.watch.webhook import DeliveryError, post
from tests.resolve.conftest import FAST_RETRY
from tests.security.test_ssrf_hops import SERVICE, Hops, link_check, only_127_0_0_2_is_public
from tests.stand_ins.judged_transport import judged_by
from tests.stand_ins.private_service import SECRET, PrivateService

METADATA_STAND_IN = ipaddress.ip_address("127.0.0.3")


def only_127_0_0_3_is_metadata(ip: IPAddress) -> bool:
    return ip == METADATA_STAND_IN


@pytest.fixture
def metadata() -> Iterator[PrivateService]:
    service = PrivateService("127.0.0.3").start()
    yield service
    service.stop()


@pytest.fixture
def hops() -> Iterator[Hops]:
    server = Hops().start()
    yield server
    server.stop()


# -- metadata services: refused even where private networks are allowed ---------------------

METADATA = [
    "169.254.169.254",
    "169.254.170.2",
    "169.254.0.1",  # any link-local address
    "100.100.100.200",
    "168.63.129.16",  # Azure's WireServer: a global address
    "fd00:ec2::254",
    "fd20:ce::254",
    "fe80::1",
    "fe80::1%eth0",
    "::ffff:169.254.169.254",
    "::ffff:a9fe:a9fe",
    "2002:a9fe:a9fe::",  # 6to4
    "64:ff9b::a9fe:a9fe",  # NAT64
    "::169.254.169.254",  # IPv4-compatible
]
PRIVATE_BUT_ALLOWED = ["127.0.0.1", "10.1.2.3", "192.168.1.1", "172.16.0.1", "fc00::1", "::1"]


@pytest.mark.parametrize("address", METADATA)
def test_metadata_addresses_are_refused_even_when_private_networks_are_allowed(
    address: str,
) -> None:
    rule = AddressRule(allow_private=True)
    with pytest.raises(Exception, match="non-public address"):
        rule.check("name.test", 80, [address])
    literal = f"[{address.replace('%', '%25')}]" if ":" in address else address
    assert rule.url_refusal(f"http://{literal}/latest/meta-data/") is not None
    assert is_forbidden_address(ipaddress.ip_address(address.split("%")[0]))


@pytest.mark.parametrize(
    "url",
    [
        "http://2852039166/",  # 169.254.169.254 as one number
        "http://0xa9.0xfe.0xa9.0xfe/",
        "http://0251.0376.0251.0376/",
        "http://169.254.43518/",
        "http://\uff11\uff16\uff19.254.169.254/",
        "http://user@169.254.169.254/",
    ],
)
def test_every_spelling_of_the_metadata_address_is_refused_with_private_allowed(url: str) -> None:
    assert AddressRule(allow_private=True).url_refusal(url) == "169.254.169.254"


@pytest.mark.parametrize("address", PRIVATE_BUT_ALLOWED)
def test_private_networks_stay_allowed_when_allowed(address: str) -> None:
    rule = AddressRule(allow_private=True)
    rule.check("intranet.test", 80, [address])
    assert not is_metadata_address(ipaddress.ip_address(address))


def test_a_configured_services_own_origin_stays_exempt() -> None:
    rule = AddressRule(allowed_origins=frozenset({("169.254.169.254", 80)}))
    rule.check("169.254.169.254", 80, ["169.254.169.254"])
    with pytest.raises(Exception, match="non-public address"):
        rule.check("169.254.169.254", 8080, ["169.254.169.254"])


def _metadata_transport(answer: str) -> PerHostTransport:
    async def dns(host: str, port: int) -> list[str]:
        return [answer if host == "metadata.test" else "127.0.0.2"]

    return PerHostTransport(
        per_host=2,
        allow_private=True,
        metadata=only_127_0_0_3_is_metadata,
        resolver=Resolver(ttl=0, lookup=dns),
    )


def test_a_link_to_the_metadata_service_is_refused_when_private_networks_are_allowed(
    metadata: PrivateService, hops: Hops
) -> None:
    """The CLI's default: an intranet link is checked, the metadata service is not --
    named directly, or reached by a redirect from a page that is checked."""
    policy = dataclasses.replace(SERVICE, allow_private_networks=True)
    target = f"http://metadata.test:{metadata.port}/latest/meta-data/iam/"

    async def go() -> list[LinkCheck]:
        transport = _metadata_transport(str(METADATA_STAND_IN))
        async with LinkChecker(policy, transport=transport, probe_urls=()) as checker:
            return [
                await checker.check(LinkTarget("url", target)),
                await checker.check(LinkTarget("url", hops.to(target))),
                await checker.check(LinkTarget("url", hops.url + "/page")),
            ]

    direct, redirected, intranet = asyncio.run(go())
    assert metadata.contacts == 0
    assert direct.reason == "private-address"
    assert redirected.reason == "private-address"
    assert hops.paths  # the redirecting page itself was asked
    assert intranet.outcome is LinkOutcome.OK  # a private (loopback) page: allowed
    assert SECRET not in repr([direct, redirected])


def test_registry_and_webhook_clients_refuse_the_metadata_service_with_private_allowed(
    metadata: PrivateService,
) -> None:
    """`pinned_client` is what doi.org, DataCite and webhook deliveries send with."""
    rule = AddressRule(allow_private=True, metadata=only_127_0_0_3_is_metadata)
    url = f"http://metadata.test:{metadata.port}/latest/meta-data/"
    with (
        pinned_client(rule, timeout=2.0, lookup=lambda host, port: ["127.0.0.3"]) as client,
        pytest.raises(httpx.ConnectError) as caught,
    ):
        client.get(url)
    assert "non-public address" in str(caught.value)
    with (
        pinned_client2(rule, timeout=2.0, lookup=lambda host, port: ["127.0.0.3"]) as client2,
        pytest.raises(httpx2.ConnectError),
    ):
        client2.get(url)
    assert metadata.contacts == 0


def test_a_webhook_to_a_metadata_address_is_refused_with_private_allowed() -> None:
    with pytest.raises(DeliveryError) as caught:
        post(
            "http://169.254.169.254/latest/meta-data/",
            {},
            "s",
            event="e",
            delivery="1",
            timeout=2.0,
            allow_private=True,
            lookup=lambda host, port: pytest.fail("no name to look up"),
        )
    assert caught.value.permanent
    assert "private address" in str(caught.value)


# -- hosts read as IDNA's table reads them ---------------------------------------------------------

IDNA_SPELLINGS = [
    "1\u00ad27.0.0.1",  # a soft hyphen: ignored
    "127.0.0.1\ufe0f",  # a variation selector: ignored
    "12\u200b7.0.0.1",  # a zero-width space: ignored
    "\u2112ocalhost",  # SCRIPT CAPITAL L: NFKC gives "L" after case folding
    "\U0001ccf1\U0001ccf2\U0001ccf7.0.0.1",  # outlined digits (Unicode 16)
]


@pytest.mark.parametrize("host", IDNA_SPELLINGS)
def test_hosts_idna_maps_to_loopback_are_refused_as_private(
    host: str, metadata: PrivateService
) -> None:
    try:
        mapped = idna.uts46_remap(host, std3_rules=False, transitional=False)
    except idna.IDNAError:
        pytest.skip("this idna release does not know the characters")
    if mapped not in ("127.0.0.1", "localhost"):
        pytest.skip("this idna release maps the host otherwise")
    assert AddressRule().url_refusal(f"http://{host}:81/") == "127.0.0.1"
    # Named outright and by a redirect: refused as a private address, not "malformed".
    hops = Hops().start()
    try:
        first, hop = link_check([f"http://{host}:81/", hops.to(f"http://{host}:81/")])
    finally:
        hops.stop()
    assert (first.reason, hop.reason) == ("private-address", "private-address")


# -- IPv6 zones, and literals the system reads otherwise ------------------------------------------


class _V6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6
    daemon_threads = True


@pytest.fixture
def loopback6() -> Iterator[tuple[int, list[str]]]:
    """A web server on [::1] that records every request it is sent."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_HEAD = do_GET

        def log_message(self, format: str, *args: Any) -> None:
            return

    try:
        server = _V6Server(("::1", 0), Handler)
    except OSError:
        pytest.skip("no IPv6 loopback here")
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    yield int(server.server_address[1]), asked
    server.shutdown()
    server.server_close()


ZONED = [
    "[::1%01]",  # zone "01": interface 1 to the system; %-decoded first, no address at all
    "[::1%001]",
    "[::1%0001]",
    "[::1%2501]",
    "[::ffff:127.0.0.1%01]",
    "[::1%2f]",  # a zone no interface has: not an address we can judge
]


@pytest.mark.parametrize("host", ZONED)
def test_a_zoned_ipv6_loopback_is_refused_on_every_hop(
    host: str, loopback6: tuple[int, list[str]], hops: Hops
) -> None:
    """``http://[::1%01]:port/`` reached a service on [::1] (the rule %-decoded the
    zone into a control character, read no address, and let the client connect)."""
    port, asked = loopback6
    url = f"http://{host}:{port}/x"
    checks = link_check([url, hops.to(url)])
    assert [c.reason for c in checks] == ["private-address", "private-address"]
    with pytest.raises(DeliveryError) as caught:
        post(url, {}, "s", event="e", delivery="1", timeout=2.0, allow_private=False)
    assert "private address" in str(caught.value)
    assert asked == []


@pytest.mark.parametrize("host", ["50.7.", "1.2.3.4.5", "256.1.1.1", "[::1%2f]"])
def test_a_literal_the_system_cannot_read_is_not_sent(host: str) -> None:
    """aiohttp takes any host of digits and dots, or with a colon, for an IP literal
    and asks no resolver of ours: one the system cannot read would go to its own."""
    with pytest.raises(NonPublicAddress):
        AddressRule().check(host.strip("[]"), 80, ())


# -- a redirect's Location as every reader joins it ------------------------------------------------

JOINED_OTHERWISE = [
    "http:///127.0.0.1:{port}/",  # a path on the same host to urljoin, 127.0.0.1 to a browser
    "https:///127.0.0.1:{port}/",
    "http:\\\\\\127.0.0.1:{port}/",
]


@pytest.mark.parametrize("location", JOINED_OTHERWISE)
def test_a_location_a_browser_reads_as_loopback_ends_the_chain_as_private(
    location: str, hops: Hops, metadata: PrivateService
) -> None:
    """Python's urljoin makes ``http:///127.0.0.1/`` a path on the redirecting host, so
    the chain went on there and was called fine; a browser goes to 127.0.0.1."""
    check = link_check([hops.to(location.format(port=metadata.port))])[0]
    assert check.reason == "private-address"
    assert AddressRule().redirect_refusal(hops.url + "/x", location.format(port=1)) is not None
    assert metadata.contacts == 0


# -- a name server that never answers ------------------------------------------------------------


class SilentNameServer:
    """``socket.getaddrinfo`` for names under ``.silent.test``: no answer until let go
    (or 20 s); other names are asked of the real resolver."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.release = threading.Event()
        self.asked = 0
        self.answered = 0
        self._lock = threading.Lock()
        real = socket.getaddrinfo

        def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(host, str) and host.rstrip(".").endswith(".silent.test"):
                with self._lock:
                    self.asked += 1
                self.release.wait(20)
                with self._lock:
                    self.answered += 1
                raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
            return real(host, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def silent(monkeypatch: pytest.MonkeyPatch) -> Iterator[SilentNameServer]:
    server = SilentNameServer(monkeypatch)
    yield server
    server.release.set()


def test_registry_clients_give_up_on_a_silent_name_server(silent: SilentNameServer) -> None:
    rule = AddressRule(forbidden=only_127_0_0_2_is_public)
    with pinned_client(rule, timeout=0.3) as client, pytest.raises(httpx.ConnectTimeout):
        client.get("http://a.silent.test/")
    with pinned_client2(rule, timeout=0.3) as client2, pytest.raises(httpx2.ConnectTimeout):
        client2.get("http://b.silent.test/")
    assert silent.asked == 2
    assert silent.answered == 0  # both gave up while the look-ups still waited


def test_a_registry_on_a_silent_name_is_unavailable_not_a_held_worker(
    silent: SilentNameServer,
) -> None:
    """doi.org and DataCite (the configured origin: exempt from the address rule, not
    from the look-up's timeout)."""
    for registry in (
        HandleRegistry(_channel(), base_url="http://doi.silent.test", timeout=0.3),
        DataCiteRegistry(_channel(), base_url="http://datacite.silent.test", timeout=0.3),
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
    assert silent.asked >= 2 and silent.answered == 0


def _channel() -> Channel:
    return Channel("test", LocalLimiter(100, 4), policy=FAST_RETRY)


def test_a_webhook_to_a_silent_name_is_a_retried_failure_not_a_held_worker(
    silent: SilentNameServer,
) -> None:
    with pytest.raises(DeliveryError) as caught:
        post(
            "http://hook.silent.test/x",
            {},
            "s",
            event="e",
            delivery="1",
            timeout=0.3,
            allow_private=False,
        )
    assert not caught.value.permanent
    assert silent.asked == 1 and silent.answered == 0


def test_a_link_phase_ends_while_its_look_ups_still_wait(silent: SilentNameServer) -> None:
    """``asyncio.run`` joined the loop's executor, where the look-ups waited: the phase
    ended only when the last silent name's resolver gave up. Now the phase ends when
    its checks do, and the silent names hold a bounded number of threads."""
    names = lookups.MAX_IN_FLIGHT + 16
    policy = dataclasses.replace(
        SERVICE,
        concurrency=2 * names,
        per_host=1,
        connect_timeout=0.3,
        read_timeout=0.3,
        total_timeout=0.5,
        max_retries=0,
    )

    async def go() -> list[LinkCheck]:
        async with LinkChecker(
            policy,
            probe_urls=(),
            archive_url=None,
            transport=judged_by(only_127_0_0_2_is_public, policy),
        ) as checker:
            return await checker.check_all(
                [LinkTarget("url", f"http://n{i}.silent.test/") for i in range(names)]
            )

    checks = asyncio.run(go())
    assert silent.answered == 0, "asyncio.run waited for the silent look-ups"
    assert silent.asked == lookups.MAX_IN_FLIGHT  # the rest waited for a thread
    assert lookups.in_flight() >= lookups.MAX_IN_FLIGHT
    assert all(c.outcome is not LinkOutcome.OK for c in checks)


# -- TLS trust is ours, not the environment's ------------------------------------------------------


def test_ssl_cert_file_in_the_environment_is_not_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A CA file named by the environment would decide whom we trust (and a missing
    one made every client fail to start)."""
    missing = tmp_path / "no-such-ca.pem"
    monkeypatch.setenv("SSL_CERT_FILE", str(missing))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "no-such-dir"))
    default_ssl_context.cache_clear()  # built again, under this environment
    try:
        context = default_ssl_context()
        assert context.get_ca_certs() or context.cert_store_stats()["x509_ca"] > 0
        pinned_client(AddressRule(), timeout=1.0).close()
        pinned_client2(AddressRule(), timeout=1.0).close()
    finally:
        default_ssl_context.cache_clear()


# -- habanero's every sender goes through the pinned client ------------------------------------


def test_habanero_citation_counts_go_through_the_address_rule(
    metadata: PrivateService, tmp_path: Path
) -> None:
    """Any habanero call in the process, not only ours, once the registry is made."""
    registry = CrossrefRegistry(
        Channel("crossref", LocalLimiter(100, 4), policy=FAST_RETRY), base_url="http://127.0.0.2:9"
    )
    try:
        with pytest.raises(Exception, match=r"non-public|refused"):
            habanero.counts.citation_count(doi="10.1000/x", url=metadata.url("/openurl/"))
    finally:
        registry.close()
    assert metadata.contacts == 0


# -- an archive's suggestion names no private address ---------------------------------------------


@pytest.mark.parametrize(
    ("snapshot", "kept"),
    [
        ("https://web.archive.org/web/2020/https://example.org/a", True),
        ("http://127.0.0.1:8080/admin", False),
        ("http://0177.0.0.1/", False),
        ("http://169.254.169.254/latest/meta-data/", False),
        ("http://[::1%01]/", False),
    ],
)
def test_an_archive_snapshot_naming_a_private_address_is_not_suggested(
    hops: Hops, snapshot: str, kept: bool
) -> None:
    """The suggestion is shown as a link and written into the bibliography by a fix."""

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
