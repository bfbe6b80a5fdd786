"""An answer's ``Alt-Svc`` names another server for its origin: no client of ours goes there.

Red team (rt34s, held). ``Alt-Svc: h2="10.0.0.5:443"`` tells a client that supports it
to send the origin's later requests to that host and port, without asking DNS and
without a redirect anyone judges: a public page naming the intranet (or our own Redis)
would move every later request to its host there. Neither the link checker's engine
(aiohttp) nor httpx (the registries, webhooks, the DOI resolver's client) implements
it; this holds that, should one of them start to: a public page's answers name the
private listener as their alternative service, and a second and third request to the
same origin go where the first went, never to the listener.

127.0.0.2 plays the public web, 127.0.0.1 the private service.
"""

from __future__ import annotations

import socket

import httpx
import pytest

from citeaudit.links.pinned import pinned_client
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import AddressRule
from citeaudit.model.link import LinkOutcome
from tests.security.redteam_net_server import Handler, RawServer, answer
from tests.security.ssrf_loopback import CLI
from tests.security.test_ssrf_hops import SERVICE, link_check, only_127_0_0_2_is_public
from tests.stand_ins.private_service import PrivateService

PATHS = ["/first", "/second", "/third"]


def _alternatives(port: int) -> list[str]:
    return [
        f'h2="127.0.0.1:{port}"; ma=86400, http/1.1="127.0.0.1:{port}"; ma=86400',
        f'h3="localhost:{port}", h2="[::ffff:127.0.0.1]:{port}"',
    ]


@pytest.fixture
def announcing(intranet: PrivateService) -> RawServer:
    """Public pages whose every answer names the private service as the origin's
    alternative (keep-alive, so a client may reuse or move the connection)."""
    headers = [("Alt-Svc", value) for value in _alternatives(intranet.port)]
    data = answer("200 OK", [*headers, ("Connection", "keep-alive")], b"ok")

    def handle(sock: socket.socket, target: str) -> None:
        sock.sendall(data)

    routes: dict[str, Handler] = {path: handle for path in PATHS}
    return RawServer(routes, host="127.0.0.2")


@pytest.mark.parametrize("policy", [SERVICE, CLI], ids=["service", "cli"])
def test_the_link_checker_never_follows_an_alternative_service(
    intranet: PrivateService, announcing: RawServer, policy: LinkPolicy
) -> None:
    announcing.start()
    try:
        checks = link_check([announcing.url(p) for p in PATHS], policy=policy)
    finally:
        announcing.stop()
    assert all(announcing.hits[p] >= 1 for p in PATHS)
    assert [c.outcome for c in checks] == [LinkOutcome.OK] * len(PATHS)
    assert intranet.contacts == 0


def test_the_pinned_clients_never_follow_an_alternative_service(
    intranet: PrivateService, announcing: RawServer
) -> None:
    rule = AddressRule(forbidden=only_127_0_0_2_is_public)
    announcing.start()
    try:
        with pinned_client(rule, timeout=2.0) as client:
            statuses = [client.get(announcing.url(p)).status_code for p in PATHS]
        with httpx.Client(trust_env=False) as plain:  # the control: the page answers
            assert plain.get(announcing.url(PATHS[0])).status_code == 200
    finally:
        announcing.stop()
    assert statuses == [200] * len(PATHS)
    assert intranet.contacts == 0
