"""A link that names one of our backends by its own name is refused, whatever DNS says now.

Red team (rt34s). The service's backends (`links.backends`: Redis, the broker, the
database, ``own_services``) are refused by their *addresses*: each backend's name is
looked up and its answer kept `ttl` seconds (refreshed in the background), and every
connection's address is compared with that answer. A link's own look-up is fresh.
So wherever the two answers differ, a manuscript's ``http://<backend name>:<port>/``
went through with private networks allowed (an intranet deployment, this machine
allowed or not):

- the backend moved (a container restarted, a managed database failed over to its
  replica, a load-balanced name rotated its answer): for up to `ttl` seconds the kept
  answer was the old address, and the link connected to the new one;
- the backend's first look-up failed (a name server slow at start): an
  ``own_services`` host written without a port (``flower``: every port) was refused
  nowhere until a later look-up answered.

The backend is named in the settings; its name in a link, in any reading of it (case,
a final dot, IDNA's mapping), is now refused before any look-up -- the address check
stays for names that alias it. Here the backend's kept answer is 10.20.30.40 (where it
was) or nothing, and the stand-in name server now answers 127.0.0.1, where a listener
counts connections (the intranet machine the backend moved to); the rule allows
private networks and this machine, so only the backend refusal stands between the
link and the listener.
"""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress

import httpx
import pytest

from citeaudit.links.backends import ANY_PORT, OWN_SERVICES, Backend, BackendAddresses
from citeaudit.links.checker import LinkChecker
from citeaudit.links.pinned import pinned_client
from citeaudit.links.safety import AddressRule, IPAddress, Resolver
from citeaudit.links.targets import target_for
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.watch.webhook_policy import WebhookPolicy
from tests.security.ssrf_loopback import CLI
from tests.test_r2b_backends_refused import Listener

# The intranet deployment's rule at its loosest: private networks and this machine.
LOOSEST = dataclasses.replace(CLI, allow_own_machine=True, soft404=False, archive=False)
# Where the backend was: another machine of our network (a container since restarted).
WHERE_IT_WAS = frozenset({ipaddress.ip_address("10.20.30.40")})


def another_machine(ip: IPAddress) -> bool:
    """127.0.0.1 plays another machine of the intranet (the backend's new address):
    nothing here is this machine, so "this machine allowed" decides nothing."""
    return False


@pytest.fixture
def listener(backend: Listener) -> Listener:
    """The backend's listener (tests/security/conftest.py)."""
    return backend


@pytest.fixture
def page(intranet_listener: Listener) -> Listener:
    """An intranet page beside it."""
    return intranet_listener


def _kept(answer: frozenset[IPAddress] | None) -> BackendAddresses:
    """The backends' look-up as the worker made it: `answer`, or no answer (None)."""

    def lookup(host: str, port: int) -> frozenset[IPAddress]:
        if answer is None:
            raise OSError("the name server did not answer")
        return answer

    return BackendAddresses((), lookup=lookup)


async def _now(host: str, port: int) -> list[str]:
    """The name server as the link's look-up finds it: everything is 127.0.0.1."""
    return ["127.0.0.1"]


def _check(backends: BackendAddresses, urls: list[str]) -> list[LinkCheck]:
    transport = PerHostTransport(
        per_host=2,
        allow_private=True,
        allow_own_machine=True,
        own_machine=another_machine,
        resolver=Resolver(ttl=0, lookup=_now),
        backends=backends,
    )

    async def go() -> list[LinkCheck]:
        async with LinkChecker(LOOSEST, transport=transport, probe_urls=()) as checker:
            return await checker.check_all([target_for(u) for u in urls])

    return asyncio.run(go())


CASES = {
    # The backend moved: its kept answer is where it was.
    "moved": ("redis_url", "cache.deploy.example", None, WHERE_IT_WAS),
    # Its first look-up failed: an own service written without a port.
    "no answer yet": (OWN_SERVICES, "flower.deploy.example", ANY_PORT, None),
}  # (setting, name, port -- None: the listener's --, the kept answer -- None: none)


def _port(port: int | None, listener: Listener) -> int:
    return listener.port if port is None else port


SPELLINGS = ["{name}", "{upper}.", "{name}."]


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("case", CASES)
def test_a_link_naming_a_backend_reaches_nothing(
    case: str, spelling: str, listener: Listener, page: Listener
) -> None:
    setting, name, port, answer = CASES[case]
    backends = _kept(answer).including([Backend(setting, name, _port(port, listener))])
    host = spelling.format(name=name, upper=name.upper())
    results = _check(backends, [f"http://{host}:{listener.port}/keys", page.url("/notes")])
    assert listener.connections == 0, (case, host)
    assert results[0].outcome is LinkOutcome.UNVERIFIED
    assert results[0].reason == "private-address"
    # The control: an intranet page no setting names is still checked.
    assert results[1].outcome is LinkOutcome.OK
    assert page.connections >= 1


@pytest.mark.parametrize("case", CASES)
def test_the_registry_and_webhook_client_refuses_a_backend_by_name(
    case: str, listener: Listener
) -> None:
    setting, name, port, answer = CASES[case]
    backends = _kept(answer).including([Backend(setting, name, _port(port, listener))])
    rule = AddressRule(
        allow_private=True, allow_own_machine=True, own_machine=another_machine, backends=backends
    )
    with (
        pinned_client(rule, timeout=2.0, lookup=lambda host, port: ["127.0.0.1"]) as client,
        pytest.raises(httpx.ConnectError),
    ):
        client.get(f"http://{name}:{listener.port}/keys")
    assert listener.connections == 0, case


def test_a_name_that_is_no_backend_is_not_refused() -> None:
    backends = _kept(WHERE_IT_WAS).including([Backend("redis_url", "cache.deploy.example", 6379)])
    rule = AddressRule(allow_private=True, allow_own_machine=True, backends=backends)
    assert rule.host_refusal("cache.deploy.example", 6379) is not None
    assert rule.host_refusal("CACHE.deploy.example.", 6379) is not None
    assert rule.host_refusal("other.deploy.example", 6379) is None
    assert rule.host_refusal("xcache.deploy.example", 6379) is None


def test_other_ports_follow_where_the_backend_is() -> None:
    # On another machine of our network: the whole machine is the backend's.
    elsewhere = _kept(WHERE_IT_WAS).including([Backend("database_url", "db.deploy.example", 5432)])
    rule = AddressRule(allow_private=True, allow_own_machine=True, backends=elsewhere)
    assert rule.host_refusal("db.deploy.example", 8080) is not None
    # On a public address (a managed service's front): its port only.
    front = frozenset({ipaddress.ip_address("203.0.113.7")})
    public = _kept(front).including([Backend("database_url", "db.cloud.example", 5432)])
    rule = AddressRule(
        allow_private=True, allow_own_machine=True, forbidden=lambda ip: False, backends=public
    )
    assert rule.host_refusal("db.cloud.example", 5432) is not None
    assert rule.host_refusal("db.cloud.example", 443) is None


def test_mail_to_the_relays_own_domain_is_not_refused_by_its_name() -> None:
    # The relay may be its own domain's mail exchanger: routing mail there is the
    # relay's business (port 25), as an address refusal already left it.
    backends = _kept(WHERE_IT_WAS).including([Backend("smtp_host", "mx.deploy.example", 25)])
    rule = AddressRule(allow_private=True, allow_own_machine=True, backends=backends)
    assert rule.host_refusal("mx.deploy.example", 25) is None


def test_a_refusal_by_name_says_the_name_alone() -> None:
    # A webhook's refusal is shown to the account: naming the setting would confirm
    # which of its guesses is our Redis, as a local name's refusal does not.
    backends = _kept(WHERE_IT_WAS).including([Backend("redis_url", "cache.deploy.example", 6379)])
    rule = AddressRule(allow_private=False, backends=backends)
    assert rule.host_refusal("Cache.Deploy.Example.", 6379) == "cache.deploy.example."
    assert rule.url_refusal("https://cache.deploy.example:6379/") == "cache.deploy.example"


@pytest.mark.parametrize(
    "url",
    ["https://10.20.30.40:5432/", "https://[::ffff:10.20.30.40]:5432/", "https://10.9.1.1/"],
)
def test_a_refused_webhook_address_does_not_say_which_backend_it_is(url: str) -> None:
    # With intranet receivers allowed, the refusal (the API's answer to the account)
    # named the setting: "10.20.30.40 (the service's own database_url)" mapped which
    # address of the network is our database, one saved URL at a time.
    policy = WebhookPolicy(
        allow_private=True,
        backends=(
            Backend("database_url", "10.20.30.40", 5432),
            Backend(OWN_SERVICES, "10.9.0.0/16", 0),
        ),
    )
    said = policy.refusal(url)
    assert said is not None and "private" in said
    assert "database_url" not in said and "own" not in said
    refused = policy.mail_refusal("me@10.20.30.40")
    assert refused is not None and "database_url" not in refused
