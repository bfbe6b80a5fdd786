"""The registry clients connect to the address they checked, on every hop and retry.

A name a stranger's name server answers (here: a registry's redirect to
``rebind.test``) says a public address when it is checked and a private one when it
is connected to. The registry clients (httpx for doi.org and DataCite, httpx2 inside
habanero for Crossref) resolve once per connection, check what they got and connect
to exactly that (`links.pinned.PinnedBackend`): the second answer is checked again,
never connected to unchecked. 127.0.0.2 plays the public web; the same port on
127.0.0.1 is the private service that must see no connection.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from citeaudit.links.pinned import pinned_client, pinned_client2
from citeaudit.links.safety import AddressRule, IPAddress
from tests.security.redteam_net_server import RawServer, answer
from tests.stand_ins.private_service import PrivateService

PUBLIC = ipaddress.ip_address("127.0.0.2")


def only_127_0_0_2_is_public(ip: IPAddress) -> bool:
    return ip != PUBLIC


class FlippingDns:
    """Public for the first `public_answers` questions, private after."""

    def __init__(self, public_answers: int) -> None:
        self.left = public_answers
        self.questions: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.questions.append(host)
        self.left -= 1
        return ["127.0.0.2"] if self.left >= 0 else ["127.0.0.1"]


@pytest.fixture
def pair() -> Iterator[tuple[RawServer, PrivateService]]:
    def start(sock: socket.socket, target: str) -> None:
        port = sock.getsockname()[1]
        location = f"http://rebind.test:{port}/land"
        sock.sendall(answer("302 Found", [("Location", location)]))

    def land(sock: socket.socket, target: str) -> None:
        sock.sendall(answer("200 OK", [("Content-Type", "application/json")], b"{}"))

    public = RawServer({"/start": start, "/land": land}, host="127.0.0.2").start()
    try:
        private = PrivateService("127.0.0.1", port=public.port).start()
    except OSError:
        public.stop()
        pytest.skip("the port is taken on 127.0.0.1")
    yield public, private
    private.stop()
    public.stop()


@pytest.mark.parametrize("make", [pinned_client, pinned_client2])
def test_a_redirect_hop_to_a_name_that_rebinds_is_checked_again(
    pair: tuple[RawServer, PrivateService], make: Any
) -> None:
    public, private = pair
    dns = FlippingDns(public_answers=1)
    rule = AddressRule(forbidden=only_127_0_0_2_is_public)
    client = make(rule, timeout=3.0, follow_redirects=True, lookup=dns)
    with client, pytest.raises(Exception, match="non-public address"):
        client.get(f"http://rebind.test:{public.port}/start")
    assert dns.questions == ["rebind.test", "rebind.test"]  # once per connection
    assert public.hits["/start"] == 1 and public.hits["/land"] == 0
    assert private.contacts == 0


@pytest.mark.parametrize("make", [pinned_client, pinned_client2])
def test_a_retry_after_the_name_rebinds_is_checked_again(
    pair: tuple[RawServer, PrivateService], make: Any
) -> None:
    public, private = pair
    dns = FlippingDns(public_answers=1)
    rule = AddressRule(forbidden=only_127_0_0_2_is_public)
    with make(rule, timeout=3.0, lookup=dns) as client:
        assert client.get(f"http://rebind.test:{public.port}/land").status_code == 200
        with pytest.raises(Exception, match="non-public address"):
            client.get(f"http://rebind.test:{public.port}/land")  # a new connection
    assert public.hits["/land"] == 1
    assert private.contacts == 0
