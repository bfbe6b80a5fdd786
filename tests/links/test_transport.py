"""The network layer: plain-asyncio streams (HTTP and TLS), per-host pools, pacing."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import shutil
import ssl
import subprocess
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
import pytest

from citeaudit.links.safety import IPAddress, NameNotResolved, Resolver
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkOutcome
from tests.links.conftest import FAST, TimedHosts, make_checker
from tests.stand_ins.link_farm import Farm

TLS_HOST = "127.0.0.9"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.9 (made with the openssl command)."""
    if shutil.which("openssl") is None:
        pytest.skip("no openssl command to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    names = [f"/CN={TLS_HOST}", "-addext", f"subjectAltName=IP:{TLS_HOST}"]
    files = ["-keyout", str(key), "-out", str(cert)]
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", *names, *files],
        check=True,
        capture_output=True,
    )
    return cert, key


Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def _page(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answers every request on the connection (keep-alive) with a page."""
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            path = head.split(b" ", 2)[1]
            status = b"404 Not Found" if b"missing" in path or b"absent" in path else b"200 OK"
            body = b"<html><title>T</title><body>" + b"x" * 100_000 + b"</body></html>"
            writer.write(
                b"HTTP/1.1 " + status + b"\r\ncontent-type: text/html\r\n"
                b"content-length: " + str(len(body)).encode() + b"\r\n\r\n" + body
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


class Server:
    """A loopback server on 127.0.0.9 that closes its connections when stopped."""

    def __init__(self, handler: Handler, context: ssl.SSLContext | None = None) -> None:
        self._handler = handler
        self._context = context
        self._writers: list[asyncio.StreamWriter] = []
        self._server: asyncio.Server | None = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.append(writer)
        await self._handler(reader, writer)

    async def __aenter__(self) -> str:
        self._server = await asyncio.start_server(self._serve, TLS_HOST, 0, ssl=self._context)
        return f"{TLS_HOST}:{self._server.sockets[0].getsockname()[1]}"

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        for writer in self._writers:
            writer.transport.abort()
        await asyncio.sleep(0.01)


def _tls_server(cert: Path, key: Path, handler: Handler = _page) -> Server:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return Server(handler, context)


def test_https_page_through_the_asyncio_streams(farm: Farm, certificate: tuple[Path, Path]) -> None:
    cert, key = certificate

    async def go() -> list[tuple[LinkOutcome, str | None, int | None]]:
        trusted = ssl.create_default_context(cafile=str(cert))
        transport = PerHostTransport(per_host=2, allow_private=True, ssl_context=trusted)
        async with _tls_server(cert, key) as address:
            base = f"https://{address}"
            async with make_checker(farm, transport=transport) as checker:
                checks = await checker.check_all(
                    [_target(f"{base}/paper/{i}") for i in range(6)]
                    + [_target(f"{base}/missing/1")]
                )
        return [(c.outcome, c.reason, c.status) for c in checks]

    results = asyncio.run(go())
    assert results[:6] == [(LinkOutcome.OK, None, 200)] * 6
    assert results[6][0] is LinkOutcome.BROKEN and results[6][2] == 404


def test_untrusted_certificate_is_a_tls_reason(farm: Farm, certificate: tuple[Path, Path]) -> None:
    cert, key = certificate

    async def go() -> tuple[LinkOutcome, str | None]:
        async with _tls_server(cert, key) as address, make_checker(farm) as checker:
            check = await checker.check(_target(f"https://{address}/p"))
        return check.outcome, check.reason

    outcome, reason = asyncio.run(go())
    assert reason == "tls"
    assert outcome is LinkOutcome.UNVERIFIED


def test_tls_handshake_timeout(farm: Farm) -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(5)  # accepts, never answers the ClientHello
        writer.close()

    async def go() -> str | None:
        policy = dataclasses.replace(FAST, connect_timeout=0.3, max_retries=0)
        async with Server(silent) as address, make_checker(farm, policy) as checker:
            check = await checker.check(_target(f"https://{address}/p"))
        return check.reason

    assert asyncio.run(go()) == "timeout"


def test_idle_connection_closed_by_the_server_is_not_reused(farm: Farm) -> None:
    """A keep-alive connection the server closed is noticed and replaced."""

    async def once(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok")
        await writer.drain()
        writer.close()  # without "connection: close": the client thinks it may keep it

    async def go() -> list[int]:
        transport = PerHostTransport(per_host=1, allow_private=True)
        statuses = []
        async with Server(once) as address, httpx.AsyncClient(transport=transport) as client:
            for _ in range(3):
                response = await client.get(f"http://{address}/")
                statuses.append(response.status_code)
                await asyncio.sleep(0.05)  # the server's FIN arrives
        return statuses

    assert asyncio.run(go()) == [200, 200, 200]


def test_pools_beyond_the_cap_are_closed_least_recent_first(farm: Farm) -> None:
    async def go() -> int:
        transport = PerHostTransport(per_host=1, allow_private=True, max_pools=2)
        async with httpx.AsyncClient(transport=transport) as client:
            for path in ("/paper", "/ok"):
                for host in ("site", "svc", "spa"):
                    response = await client.get(farm.url(host, path))
                    assert response.status_code < 500
            return len(transport._pools)

    assert asyncio.run(go()) == 2


def _target(url: str):  # type: ignore[no-untyped-def]
    from citeaudit.links.targets import target_for

    return target_for(url)


def test_interval_holds_between_actual_starts_when_the_global_slot_is_late(farm: Farm) -> None:
    # One global slot. b.test holds it for 80 ms; a.test's first request gets it late
    # (at 80 ms), its second has a reserved start at 100 ms: it must still wait until
    # 100 ms after the first one's *actual* start, not start at 100 ms.
    policy = dataclasses.replace(FAST, concurrency=1, per_host=2, min_interval=0.1, soft404=False)

    async def go(hosts: TimedHosts) -> None:
        async with make_checker(farm, policy, transport=hosts.transport(policy)) as checker:
            urls = [hosts.url("b.test", "/1"), hosts.url("a.test", "/1"), hosts.url("a.test", "/2")]
            await checker.check_all([_target(u) for u in urls])

    with TimedHosts({"b.test": 0.08, "a.test": 0.01}) as hosts:
        asyncio.run(go(hosts))
    starts = hosts.starts["a.test"]
    assert len(starts) == 2
    assert starts[1] - starts[0] >= 0.09  # was 0.02 when pacing went by reservations


def test_interval_spaces_every_host_under_load(farm: Farm) -> None:
    policy = dataclasses.replace(FAST, concurrency=3, per_host=3, min_interval=0.05, soft404=False)

    async def go(hosts: TimedHosts) -> None:
        async with make_checker(farm, policy, transport=hosts.transport(policy)) as checker:
            urls = [hosts.url(f"h{i % 4}.test", f"/{i}") for i in range(32)]
            await checker.check_all([_target(u) for u in urls])

    with TimedHosts({f"h{i}.test": 0.005 * (i + 1) for i in range(4)}) as hosts:
        asyncio.run(go(hosts))
    assert len(hosts.starts) == 4
    for host, starts in hosts.starts.items():
        gaps = [b - a for a, b in itertools.pairwise(sorted(starts))]
        assert len(starts) == 8, host
        assert min(gaps) >= 0.04, (host, gaps)  # the interval, less timer jitter


class _Names:
    """A stand-in for getaddrinfo: names to loopback addresses, counting the lookups."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self.asked: list[str] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        await asyncio.sleep(0.01)
        if host not in self.table:
            raise NameNotResolved(f"{host}: no address")
        return [self.table[host]]


def _redirecting(to: str) -> Handler:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                await reader.readuntil(b"\r\n\r\n")
                writer.write(
                    b"HTTP/1.1 302 Found\r\nlocation: "
                    + to.encode()
                    + b"\r\ncontent-length: 0\r\n\r\n"
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    return handler


def test_name_lookups_are_cached_and_shared_between_connections(farm: Farm) -> None:
    names = _Names({"pages.test": TLS_HOST})

    async def go() -> list[tuple[LinkOutcome, int | None]]:
        async with Server(_page) as address:
            port = address.rsplit(":", 1)[1]
            transport = PerHostTransport(
                per_host=4, allow_private=True, resolver=Resolver(lookup=names)
            )
            async with make_checker(farm, transport=transport) as checker:
                urls = [f"http://pages.test:{port}/paper/{i}" for i in range(8)]
                checks = await checker.check_all([_target(u) for u in urls])
        return [(c.outcome, c.status) for c in checks]

    assert asyncio.run(go()) == [(LinkOutcome.OK, 200)] * 8
    assert names.asked == ["pages.test"]  # four connections at once, one lookup


def test_redirect_to_a_new_host_on_a_private_address_is_refused_with_the_cache(
    farm: Farm,
) -> None:
    # public.test is allowed and its answer is cached; it redirects to inner.test, which
    # resolves to an address the rule refuses: that hop is looked up and refused.
    inner = "127.0.0.10"
    names = _Names({"public.test": TLS_HOST, "inner.test": inner})
    policy = dataclasses.replace(FAST, allow_private_networks=False)

    def forbidden(ip: IPAddress) -> bool:
        return str(ip) == inner

    async def go() -> list[tuple[LinkOutcome, str | None]]:
        async with Server(_page) as target:
            port = target.rsplit(":", 1)[1]
            async with Server(_redirecting(f"http://inner.test:{port}/secret")) as address:
                front = f"http://public.test:{address.rsplit(':', 1)[1]}"
                transport = PerHostTransport(
                    per_host=2,
                    allow_private=False,
                    forbidden=forbidden,
                    resolver=Resolver(lookup=names),
                )
                async with make_checker(farm, policy, transport=transport) as checker:
                    first = await checker.check(_target(f"{front}/a"))
                    second = await checker.check(_target(f"{front}/b"))
                    direct = await checker.check(_target(f"http://inner.test:{port}/x"))
        return [(c.outcome, c.reason) for c in (first, second, direct)]

    results = asyncio.run(go())
    assert results == [(LinkOutcome.UNVERIFIED, "private-address")] * 3
    assert "inner.test" in names.asked
    assert names.asked.count("public.test") == 1


def test_failed_lookups_are_not_cached_and_answers_expire() -> None:
    names = _Names({"a.test": "192.0.2.1"})

    async def go() -> None:
        resolver = Resolver(ttl=0.05, lookup=names)
        assert await resolver.addresses("a.test", 80) == ["192.0.2.1"]
        assert await resolver.addresses("A.test", 80) == ["192.0.2.1"]  # cached
        for _ in range(2):
            with pytest.raises(NameNotResolved):
                await resolver.addresses("gone.test", 80)
        await asyncio.sleep(0.06)
        names.table["a.test"] = "192.0.2.2"
        assert await resolver.addresses("a.test", 80) == ["192.0.2.2"]  # expired: asked again

    asyncio.run(go())
    assert names.asked == ["a.test", "gone.test", "gone.test", "a.test"]
