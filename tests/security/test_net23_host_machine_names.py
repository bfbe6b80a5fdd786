"""Names that stand for the machine a container runs on are this machine.

Red team (net23): a deployment that checks its intranet's links allows private
networks, and still refuses this machine (loopback, our interfaces' addresses, the
container's default gateway: `safety.is_own_machine`) unless it says
``CITEAUDIT_ALLOW_OWN_MACHINE``. Container runtimes give the machine they run on a
name of its own, and its address is not always the gateway: Docker Desktop's
``host.docker.internal`` is 192.168.65.254 (the gateway is 172.17.0.1), Podman's
``host.containers.internal`` is the host's own LAN address, Lima's, minikube's, k3d's
and OrbStack's likewise. A manuscript's ``http://host.containers.internal:6379/``
reached the host's Redis, bound to every address, past the own-machine refusal.

Such a name is judged as this machine by name, before it is looked up (as
``localhost`` is), wherever this machine is refused; where it is allowed, the name is
looked up and connected to as any other.

"This machine" is played by 127.0.0.1 alone (the rule's injected `own_machine`, the
test-only door), and the machine the container runs on by a loopback listener on
127.0.0.3 that a stand-in name server gives each name.
"""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
from collections.abc import Iterator

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.safety import AddressRule, IPAddress, Resolver
from citeaudit.links.targets import target_for
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.test_ssrf_hops import SERVICE
from tests.test_r2b_backends_refused import Listener

HOST_NAMES = [
    "host.docker.internal",
    "gateway.docker.internal",
    "kubernetes.docker.internal",
    "host.containers.internal",
    "host.lima.internal",
    "host.minikube.internal",
    "host.k3d.internal",
    "host.orb.internal",
    "host.testcontainers.internal",
    "HOST.Docker.Internal.",
    "host\uff0edocker\uff0einternal",  # full-width dots
    "host.docker.internal\u00ad",  # a soft hyphen IDNA drops
]

_THIS = ipaddress.ip_address("127.0.0.1")


def _only_127_0_0_1_is_this_machine(ip: IPAddress) -> bool:
    return ip == _THIS


# The CLI's link policy on an operator's machine: private networks allowed, this
# machine not.
INTRANET = dataclasses.replace(SERVICE, allow_private_networks=True, allow_own_machine=False)


@pytest.fixture
def host_machine() -> Iterator[Listener]:
    listener = Listener("127.0.0.3")
    yield listener
    listener.close()


def _check(url: str, *, allow_own_machine: bool) -> LinkCheck:
    async def answer(host: str, port: int) -> list[str]:
        return ["127.0.0.3"]

    policy = dataclasses.replace(INTRANET, allow_own_machine=allow_own_machine)
    transport = PerHostTransport(
        per_host=2,
        allow_private=True,
        allow_own_machine=allow_own_machine,
        own_machine=_only_127_0_0_1_is_this_machine,
        resolver=Resolver(ttl=0, lookup=answer),
    )

    async def go() -> LinkCheck:
        async with LinkChecker(policy, transport=transport, probe_urls=()) as checker:
            return await checker.check(target_for(url))

    return asyncio.run(go())


@pytest.mark.parametrize("name", HOST_NAMES)
def test_a_name_for_the_container_host_is_refused_as_this_machine(
    name: str, host_machine: Listener
) -> None:
    check = _check(f"http://{name}:{host_machine.port}/keys", allow_own_machine=False)
    assert host_machine.connections == 0, name
    assert check.outcome is LinkOutcome.UNVERIFIED
    assert check.reason == "private-address"


def test_where_this_machine_is_allowed_the_name_is_checked(host_machine: Listener) -> None:
    check = _check(f"http://host.docker.internal:{host_machine.port}/", allow_own_machine=True)
    assert check.outcome is LinkOutcome.OK
    assert host_machine.connections >= 1


@pytest.mark.parametrize(
    "name",
    ["host.docker.internal.example.org", "dockerhost.internal.example", "docker.internal.org"],
)
def test_public_names_that_only_mention_them_are_names(name: str) -> None:
    rule = AddressRule(allow_private=True, allow_own_machine=False)
    assert rule.host_refusal(name, 80) is None


@pytest.mark.parametrize("name", ["host.docker.internal", "host.containers.internal"])
def test_mail_and_webhooks_to_the_container_host_are_refused(name: str) -> None:
    rule = AddressRule(allow_private=True, allow_own_machine=False)
    assert rule.mail_refusal(f"root@{name}") is not None
    assert rule.url_refusal(f"https://{name}/hook") is not None
    assert (
        AddressRule(allow_private=True, allow_own_machine=True).url_refusal(f"https://{name}/hook")
        is None
    )
