"""A TLS handshake trickled a byte at a time ends with the connection's own timeout.

The earlier rounds left slow TLS handshakes untested (no loopback TLS stand-in): a
server that answers the ClientHello with the head of a 16 KB handshake record and
then one byte at a time, each well inside any read timeout, must not hold a link
check, a registry look-up or a webhook delivery for longer than a connection may
take. It does not: the link checker's connection (aiohttp) is bounded by its connect
timeout as a whole, and the synchronous clients' handshake (``ssl``'s
``do_handshake``) by one deadline for the whole handshake, however the bytes come --
not by a timeout per read, as their reads were before `pinned._DeadlineStream`.

Decided by the bytes the stand-in trickled before the client hung up (one each
`EVERY` seconds, stopped at `GUARD`): a client bounded by a one-second timeout hangs
up after some twenty; one held per read would take all of them.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import httpx
import pytest

from citeaudit.links.pinned import allowed, pinned_client, pinned_client2
from citeaudit.links.safety import AddressRule
from citeaudit.model.link import LinkOutcome
from citeaudit.watch.webhook import DeliveryError, post
from tests.security.redteam_net_server import loopback_policy

EVERY = 0.05  # seconds between trickled bytes
GUARD = 400  # bytes trickled at most (20 s): the stand-in then gives up itself
BOUND = 200  # ten times what a one-second timeout lets through


class TricklingTls:
    """Reads a ClientHello, sends a record header promising 16 KB of handshake, then
    a byte each `EVERY` seconds; `trickled` holds each connection's count."""

    def __init__(self) -> None:
        self.trickled: list[int] = []
        self._stop = threading.Event()
        self._server = socket.socket()
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(16)
        self._server.settimeout(0.1)
        self.url = f"https://127.0.0.1:{self._server.getsockname()[1]}/x"
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except OSError:
                continue
            thread = threading.Thread(target=self._trickle, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _trickle(self, conn: socket.socket) -> None:
        sent = 0
        with conn:
            try:
                conn.settimeout(5)
                conn.recv(65536)  # the ClientHello
                conn.sendall(b"\x16\x03\x03\x40\x00")  # handshake, 16,384 bytes to come
                while sent < GUARD and not self._stop.wait(EVERY):
                    conn.sendall(b"\x02")
                    sent += 1
            except OSError:
                pass  # the client hung up
        self.trickled.append(sent)

    def close(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(5)
        self._server.close()


@pytest.fixture
def tls() -> Iterator[TricklingTls]:
    server = TricklingTls()
    yield server
    server.close()


def _rule(server: TricklingTls) -> AddressRule:
    return AddressRule(allowed_origins=allowed([server.url]))


def _hung_up(server: TricklingTls, connections: int) -> list[int]:
    """Each connection's count, once the stand-in saw every client hang up."""
    server.close()
    assert len(server.trickled) == connections, server.trickled
    return server.trickled


def test_a_registry_client_gives_up_a_trickled_handshake(tls: TricklingTls) -> None:
    with (
        pinned_client(_rule(tls), timeout=1.0, deadline=1.5) as client,
        pytest.raises(httpx.ConnectTimeout),
    ):
        client.get(tls.url)
    assert all(n < BOUND for n in _hung_up(tls, 1))


def test_habanero_s_client_gives_it_up_too(tls: TricklingTls) -> None:
    import httpx2

    with (
        pinned_client2(_rule(tls), timeout=1.0, deadline=1.5) as client,
        pytest.raises(httpx2.ConnectTimeout),
    ):
        client.get(tls.url)
    assert all(n < BOUND for n in _hung_up(tls, 1))


def test_a_webhook_delivery_gives_it_up(tls: TricklingTls) -> None:
    with pytest.raises(DeliveryError):
        post(
            tls.url,
            {"event": "x"},
            "secret",
            event="link.broken",
            delivery="1",
            timeout=1.0,
            allow_private=True,
            allow_own_machine=True,
        )
    assert all(n < BOUND for n in _hung_up(tls, 1))


def test_a_link_check_gives_it_up(tls: TricklingTls) -> None:
    import asyncio

    from citeaudit.links.checker import LinkChecker
    from citeaudit.links.targets import target_for

    policy = loopback_policy(connect_timeout=1.0, read_timeout=1.0, total_timeout=1.5)

    async def go() -> object:
        async with LinkChecker(policy, archive_url=None, probe_urls=()) as checker:
            return (await checker.check_all([target_for(tls.url)]))[0]

    check = asyncio.run(go())
    assert check.outcome is LinkOutcome.UNVERIFIED  # type: ignore[attr-defined]
    assert check.reason == "timeout"  # type: ignore[attr-defined]
    assert all(n < BOUND for n in _hung_up(tls, 1))
