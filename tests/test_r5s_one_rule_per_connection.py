"""A link checker's connections obey its run's rule, whatever transport it is handed.

`LinkChecker` judges each URL by its run's rule (the policy: private networks refused
in the service) and sends it through a `PerHostTransport`, which judges the addresses
it connects to by the rule it was made with. They could disagree: a transport made
for a run that allows private networks (the CLI's, or one shared between runs),
handed to a run that refuses them, refused only hosts that named a private address
themselves (``http://127.0.0.1/``) -- a name answering 127.0.0.1 was connected to and
reported "ok". The transport now obeys the checker's rule as well as its own
(`PerHostTransport.obey`, from `Fetcher`): private networks and this machine only
where both allow them.

And a transport whose rule tightens (`obey`, `refuse_backends`) retires its open
pools: a kept-alive connection is reused without asking the resolver, so one made
under the looser rule carried the next request to the same private server.

A loopback server (HTTP/1.1, keep-alive) counts the requests that reach it.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from citeaudit.links.backends import Backend
from citeaudit.links.checker import LinkChecker
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import AddressRule, Resolver
from citeaudit.links.targets import target_for
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkOutcome


class KeptAlive:
    """An HTTP/1.1 server on 127.0.0.1 that keeps connections open and counts what
    reaches it: `requests` (every request), `connections` (each accepted)."""

    def __init__(self) -> None:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                with owner.lock:
                    owner.requests += 1
                body = b"private"
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_HEAD = do_GET

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def get_request(self) -> Any:
                request = super().get_request()
                with owner.lock:
                    owner.connections += 1
                return request

        self.lock = threading.Lock()
        self.requests = 0
        self.connections = 0
        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def server() -> Iterator[KeptAlive]:
    s = KeptAlive()
    yield s
    s.close()


async def _intranet_dns(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]  # every name: the private server


def _lenient() -> PerHostTransport:
    """A transport made for a run that allows private networks and this machine."""
    return PerHostTransport(
        per_host=2, allow_private=True, resolver=Resolver(ttl=0, lookup=_intranet_dns)
    )


STRICT = LinkPolicy(allow_private_networks=False, allow_own_machine=False, max_retries=0)


def test_a_checker_that_refuses_private_networks_refuses_names_answering_one(
    server: KeptAlive,
) -> None:
    async def go() -> list[Any]:
        async with LinkChecker(
            STRICT, transport=_lenient(), probe_urls=(), dns_names=[]
        ) as checker:
            return await checker.check_all(
                [
                    target_for(f"http://intranet.example:{server.port}/name"),
                    target_for(f"http://127.0.0.1:{server.port}/literal"),
                ]
            )

    results = asyncio.run(go())
    assert server.requests == 0, "a name answering 127.0.0.1 was connected to"
    for result in results:
        assert result.outcome is LinkOutcome.UNVERIFIED
        assert result.reason == "private-address"


def test_a_transport_never_loosens_by_obeying() -> None:
    transport = PerHostTransport(per_host=2, allow_private=False, allow_own_machine=False)
    transport.obey(AddressRule(allow_private=True, allow_own_machine=True))
    assert (transport.rule.allow_private, transport.rule.allow_own_machine) == (False, False)


@pytest.mark.parametrize("tighten", ["obey", "refuse_backends"])
def test_a_tightened_transport_reuses_no_connection_made_before(
    tighten: str, server: KeptAlive
) -> None:
    transport = _lenient()
    url = f"http://intranet.example:{server.port}/page"

    async def go() -> tuple[int, BaseException | None]:
        async with httpx.AsyncClient(transport=transport, trust_env=False) as client:
            first = await client.get(url)  # allowed: its connection is kept alive
            assert first.status_code == 200
            if tighten == "obey":
                transport.obey(AddressRule(allow_private=False, allow_own_machine=False))
            else:
                transport.refuse_backends([Backend("redis_url", "127.0.0.1", server.port)])
            try:
                await client.get(url)
            except httpx.HTTPError as exc:
                return first.status_code, exc
            return first.status_code, None

    status, refused = asyncio.run(go())
    assert status == 200
    assert server.requests == 1, "the kept-alive connection carried a refused request"
    assert isinstance(refused, httpx.ConnectError)
