"""The link farm (real HTTP servers on 127.0.0.2, .3, ...) and a fast checker on it."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import time
from collections.abc import Iterator, Sequence
from typing import Any

import httpx
import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import IPAddress, NameNotResolved, Resolver
from citeaudit.links.targets import target_for
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck
from tests.stand_ins.judged_transport import judged_by
from tests.stand_ins.link_farm import Farm
from tests.stand_ins.threaded import ThreadedServer

# Quick enough for tests, slow enough for a loaded CI machine.
FAST = LinkPolicy(
    concurrency=16,
    per_host=4,
    min_interval=0.0,
    connect_timeout=2.0,
    read_timeout=1.0,
    total_timeout=1.0,
    backoff=0.05,
    max_retries=1,
    max_retry_after=2.0,
    probe_timeout=2.0,
    allow_private_networks=True,  # the farm itself is on loopback
    user_agent="citeaudit-test (mailto:editor@example.org)",
)


def LOOPBACK_IS_PUBLIC(ip: IPAddress) -> bool:
    """The address rule for a test where the farm plays the public web: what only a
    public link gets (an archive suggestion) is asked of it too."""
    return False


class TimedHosts(ThreadedServer):
    """Hosts that answer 200 after a per-host delay, and when each request to them
    started: each name a real server on its own loopback address (so the per-address
    limit is per host), reached through the guarded transport the checker sends every
    link through (`transport`: names resolved to these servers). A start is when the
    checker hands the request to the transport (its pacing done), as the checker
    sees it: the server's clock adds connection set-up and thread scheduling.

        with TimedHosts({"a.test": 0.01}) as hosts:
            make_checker(farm, transport=hosts.transport(), ...)
            ... hosts.url("a.test", "/1") ... hosts.starts["a.test"]
    """

    thread_name = "timed-hosts"

    def __init__(self, delays: dict[str, float]) -> None:
        self.delays = delays
        self.starts: dict[str, list[float]] = {}
        self.addresses = {host: f"127.0.0.{60 + i}" for i, host in enumerate(delays)}
        self.ports: dict[str, int] = {}
        self._servers: list[asyncio.Server] = []
        self._writers: set[asyncio.StreamWriter] = set()

    async def start_async(self) -> None:
        for host, address in self.addresses.items():
            server = await asyncio.start_server(functools.partial(self._serve, host), address, 0)
            self.ports[host] = server.sockets[0].getsockname()[1]
            self._servers.append(server)

    async def stop_async(self) -> None:
        """Every server and every connection closed, and waited for: a connection left
        closing when the loop stops is collected later, in whichever test runs then, as
        an unclosed-transport warning (a links test and a red-team test failed so)."""
        for server in self._servers:
            server.close()
        for writer in list(self._writers):
            writer.close()
        for writer in list(self._writers):
            with contextlib.suppress(Exception):
                await asyncio.wait_for(writer.wait_closed(), 1.0)
        for server in self._servers:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(server.wait_closed(), 1.0)

    async def _serve(
        self, host: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        body = b"<title>x</title>ok"
        self._writers.add(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                await asyncio.sleep(self.delays[host])
                writer.write(
                    b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\n"
                    + b"content-length: %d\r\n\r\n" % len(body)
                    + (b"" if head.startswith(b"HEAD ") else body)
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()
            self._writers.discard(writer)

    def __enter__(self) -> TimedHosts:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def url(self, host: str, path: str) -> str:
        return f"http://{host}:{self.ports[host]}{path}"

    def transport(self, policy: LinkPolicy = FAST) -> PerHostTransport:
        """A guarded transport (one a checker: closing a checker closes it) whose
        look-ups name these servers."""

        async def lookup(host: str, port: int) -> list[str]:
            if host not in self.addresses:
                raise NameNotResolved(f"{host}: not a timed host")
            return [self.addresses[host]]

        return _StartsNoted(
            self.starts,
            per_host=policy.per_host,
            allow_private=policy.allow_private_networks,
            resolver=Resolver(lookup=lookup),
        )


class _StartsNoted(PerHostTransport):
    """The guarded transport, noting when each request is handed to it, by host."""

    def __init__(self, starts: dict[str, list[float]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._starts = starts

    async def exchange(self, method: str, url: httpx.URL, *args: Any, **kwargs: Any) -> Any:
        self._starts.setdefault(url.host, []).append(time.monotonic())
        return await super().exchange(method, url, *args, **kwargs)


@pytest.fixture(scope="session")
def farm() -> Iterator[Farm]:
    f = Farm().start()
    yield f
    f.stop()


def make_checker(farm: Farm, policy: LinkPolicy = FAST, **kwargs: Any) -> LinkChecker:
    kwargs.setdefault("doi_url", farm.url("svc", ""))
    kwargs.setdefault("archive_url", farm.url("svc", "/wayback/available"))
    kwargs.setdefault("probe_urls", [farm.url("svc", "/")])
    kwargs.setdefault("dns_names", ["localhost"])
    forbidden = kwargs.pop("forbidden", None)  # the farm's stand-in rule, if any
    if forbidden is not None:
        kwargs["transport"] = judged_by(forbidden, policy)
    return LinkChecker(policy, **kwargs)


def check(
    farm: Farm, values: Sequence[str], policy: LinkPolicy = FAST, **kwargs: Any
) -> list[LinkCheck]:
    async def go() -> list[LinkCheck]:
        async with make_checker(farm, policy, **kwargs) as checker:
            return await checker.check_all([target_for(v) for v in values])

    return asyncio.run(go())


def check_one(farm: Farm, value: str, policy: LinkPolicy = FAST, **kwargs: Any) -> LinkCheck:
    return check(farm, [value], policy, **kwargs)[0]
