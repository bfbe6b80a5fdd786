"""A port past 65535 is refused at connect time, not wrapped onto a backend's port.

Red team (ssrf30). httpx takes any number as a URL's port (``http://h:71915/``), and the
system resolver, asked for that port, hands back a socket address with the port cut to
16 bits: ``getaddrinfo(h, 6379 + 65536)`` answers ``(h, 6379)``. The address rule judged
the port as written while the connection went to the cut one, so a backend refused at its
port (ours on this machine where this machine is allowed; one on a public address, a
managed Redis or mail relay) was reached at ``port + 65536`` by the synchronous clients
(the registries' and the webhooks'), through a redirect hop as well. The link checker
refuses such URLs as malformed before it connects; the rule now refuses them at connect
time for every client (`AddressRule.check`); the link transport, asked directly, let
aiohttp's ValueError ("Port out of range") out of the client instead of a refusal.

The backend is a real loopback listener counting the connections it accepts.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator

import httpx
import pytest

from citeaudit.links.backends import Backend, BackendAddresses
from citeaudit.links.pinned import pinned_client
from citeaudit.links.safety import AddressRule, PrivateAddressRefused, is_refusal
from citeaudit.links.transport import PerHostTransport
from tests.test_r2b_backends_refused import Listener

WRAPS = {"65536 more": 65536, "2**32 more": 2**32}


@pytest.fixture
def page() -> Iterator[Listener]:
    """A page of this machine the rule lets through, redirecting where it is told."""
    listener = Listener()
    yield listener
    listener.close()


def _backends(listener: Listener) -> BackendAddresses:
    return BackendAddresses((Backend("redis_url", "127.0.0.1", listener.port),))


def _rule(listener: Listener) -> AddressRule:
    return AddressRule(allow_private=True, allow_own_machine=True, backends=_backends(listener))


def test_the_resolver_cuts_the_port_to_16_bits(backend: Listener) -> None:
    """The premise."""
    for extra in WRAPS.values():
        infos = socket.getaddrinfo("127.0.0.1", backend.port + extra, type=socket.SOCK_STREAM)
        assert infos[0][4][1] == backend.port


@pytest.mark.parametrize("port", [0, 65536, 70000, 2**32 + 80, -1])
def test_the_rule_refuses_a_port_no_connection_can_have(port: int) -> None:
    rule = AddressRule(allow_private=True, allow_own_machine=True)
    with pytest.raises(PrivateAddressRefused, match="port"):
        rule.check("127.0.0.1", port, ["127.0.0.1"])
    rule.check("127.0.0.1", 65535, ["127.0.0.1"])  # the last real port: allowed


@pytest.mark.parametrize("wrap", WRAPS)
def test_the_synchronous_client_does_not_reach_the_backend(wrap: str, backend: Listener) -> None:
    url = f"http://127.0.0.1:{backend.port + WRAPS[wrap]}/"
    with (
        pinned_client(_rule(backend), timeout=2.0) as client,
        pytest.raises(httpx.HTTPError) as caught,
    ):
        client.get(url)
    assert is_refusal(caught.value), caught.value
    assert backend.connections == 0


@pytest.mark.parametrize("wrap", WRAPS)
def test_a_redirect_hop_does_not_reach_the_backend(
    wrap: str, backend: Listener, page: Listener
) -> None:
    page.location = f"http://127.0.0.1:{backend.port + WRAPS[wrap]}/"
    with pinned_client(_rule(backend), timeout=2.0) as client, pytest.raises(httpx.HTTPError):
        client.get(page.url("/hop"), follow_redirects=True)
    assert page.connections >= 1  # the control: the first hop was made
    assert backend.connections == 0


@pytest.mark.parametrize("wrap", WRAPS)
def test_the_link_transport_does_not_reach_the_backend(wrap: str, backend: Listener) -> None:
    async def go() -> None:
        transport = PerHostTransport(
            per_host=1, allow_private=True, allow_own_machine=True, backends=_backends(backend)
        )
        async with httpx.AsyncClient(transport=transport, timeout=2.0) as client:
            with pytest.raises(httpx.HTTPError):
                await client.get(f"http://127.0.0.1:{backend.port + WRAPS[wrap]}/")

    asyncio.run(go())
    assert backend.connections == 0
