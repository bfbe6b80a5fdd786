"""Red team: "private networks allowed" reached this machine itself.

An operator who lets link checks reach an intranet (``CITEAUDIT_ALLOW_PRIVATE_NETWORKS``)
or webhooks reach private receivers (``CITEAUDIT_WEBHOOK_ALLOW_PRIVATE_NETWORKS``) let an
upload's ``http://127.0.0.1:6379/``, ``http://0.0.0.0:8000/admin`` or a name resolving to
loopback reach the service's own ports, and any account POST its webhook payload to
them. This machine (loopback, the unspecified address, our own interfaces' addresses,
however carried) now stays refused unless named as well (``allow_own_machine``), at
every hop: the first request, a name's answer, a redirect, a webhook delivery, a mail
domain. The CLI on an author's own machine keeps it allowed.

The servers are real, on loopback; 127.0.0.1 is "this machine" and 127.0.0.3 an
intranet host where a test stands in for the own-machine test.
"""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.confined_network import confined_overrides
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import AddressRule, IPAddress, Resolver, is_own_machine
from citeaudit.links.targets import target_for
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.settings import ServiceSettings, Settings
from citeaudit.watch.webhook import DeliveryError, post
from citeaudit.watch.webhook_policy import WebhookPolicy
from tests.security.test_ssrf_hops import SERVICE, Hops
from tests.stand_ins.private_service import PrivateService

# The service with the operator's "private networks allowed" (an intranet journal).
INTRANET = dataclasses.replace(SERVICE, allow_private_networks=True, allow_own_machine=False)
THIS_MACHINE = ipaddress.ip_address("127.0.0.1")


def only_127_0_0_1_is_ours(ip: IPAddress) -> bool:
    """127.0.0.1 plays this machine, the rest of loopback the intranet around it."""
    return ip == THIS_MACHINE


@pytest.fixture
def ours() -> Iterator[PrivateService]:
    service = PrivateService("127.0.0.1").start()
    yield service
    service.stop()


@pytest.fixture
def intranet_page() -> Iterator[Hops]:
    server = Hops("127.0.0.3").start()
    yield server
    server.stop()


def check(
    urls: list[str], transport: PerHostTransport | None = None, policy: LinkPolicy = INTRANET
) -> list[LinkCheck]:
    async def go() -> list[LinkCheck]:
        async with LinkChecker(
            policy, archive_url=None, probe_urls=(), transport=transport
        ) as checker:
            return await checker.check_all([target_for(u) for u in urls])

    return asyncio.run(go())


def stand_in_transport(
    policy: LinkPolicy = INTRANET, answers: dict[str, list[str]] | None = None
) -> PerHostTransport:
    async def dns(host: str, port: int) -> list[str]:
        return list((answers or {})[host.rstrip(".")])

    return PerHostTransport(
        per_host=2,
        allow_private=policy.allow_private_networks,
        allow_own_machine=policy.allow_own_machine,
        own_machine=only_127_0_0_1_is_ours,
        resolver=Resolver(ttl=0, lookup=dns),
    )


# -- the decision -------------------------------------------------------------------------

OURS = [
    "127.0.0.1",
    "127.9.9.9",
    "0.0.0.0",
    "0.1.2.3",
    "::1",
    "::",
    "::ffff:127.0.0.1",
    "64:ff9b::7f00:1",
    "2002:7f00:1::",
    "::ffff:0.0.0.0",
    "::1%1",
]


@pytest.mark.parametrize("address", OURS)
def test_this_machine_in_any_notation_is_ours(address: str) -> None:
    assert is_own_machine(ipaddress.ip_address(address))
    rule = AddressRule(allow_private=True, allow_own_machine=False)
    assert rule.refuses(ipaddress.ip_address(address))
    literal = f"[{address.replace('%', '%25')}]" if ":" in address else address
    assert rule.url_refusal(f"http://{literal}:6379/") is not None


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:6380/",  # not 6379: a worker refuses its broker there (r5s)
        "http://LOCALHOST./",
        "http://api.localhost/",
        "http://127.1:8000/admin",
        "http://0/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://a@127.0.0.1/",
        "http:\\\\127.0.0.1\\",
        "http://127。0。0。1/",
        "http://[::ffff:7f00:1]/",
    ],
)
def test_every_spelling_of_this_machine_is_refused_with_private_networks_allowed(
    url: str,
) -> None:
    assert AddressRule(allow_private=True, allow_own_machine=False).url_refusal(url) is not None
    assert AddressRule(allow_private=True).url_refusal(url) is None  # named: allowed


def test_private_neighbours_stay_allowed_where_this_machine_is_not() -> None:
    rule = AddressRule(allow_private=True, allow_own_machine=False)
    for address in ("10.1.2.3", "192.168.1.10", "172.16.0.5", "fd12::1", "100.64.0.1"):
        assert not rule.refuses(ipaddress.ip_address(address)), address


def test_the_settings_say_which_runs_may_reach_this_machine() -> None:
    service = LinkPolicy.from_settings(ServiceSettings(allow_private_networks=True))
    assert service.allow_private_networks and not service.allow_own_machine
    assert LinkPolicy.from_settings(Settings()).allow_own_machine  # the CLI: the author's
    confined = confined_overrides({}, {"CITEAUDIT_ALLOW_PRIVATE_NETWORKS": "true"})
    assert confined.get("allow_own_machine") is False
    named = {"CITEAUDIT_ALLOW_PRIVATE_NETWORKS": "true", "CITEAUDIT_ALLOW_OWN_MACHINE": "true"}
    assert "allow_own_machine" not in confined_overrides({}, named)
    assert not WebhookPolicy.from_settings(
        ServiceSettings(webhook_allow_private_networks=True)
    ).allow_own_machine


# -- link checks ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    ["http://127.0.0.1:{port}/", "http://localhost:{port}/", "http://127.1:{port}/x"],
)
def test_a_link_to_this_machine_is_refused_with_private_networks_allowed(
    ours: PrivateService, spelling: str
) -> None:
    [result] = check([spelling.format(port=ours.port)])
    assert ours.contacts == 0
    assert result.reason == "private-address"


def test_a_link_to_this_machine_is_checked_where_it_is_named(ours: PrivateService) -> None:
    named = dataclasses.replace(INTRANET, allow_own_machine=True)
    [result] = check([ours.url()], policy=named)
    assert ours.contacts == 1
    assert result.outcome is LinkOutcome.OK


def test_a_name_answering_this_machine_is_refused_before_connecting(ours: PrivateService) -> None:
    transport = stand_in_transport(answers={"journal.intranet.test": ["127.0.0.1"]})
    [result] = check([f"http://journal.intranet.test:{ours.port}/"], transport)
    assert ours.contacts == 0
    assert result.reason == "private-address"


def test_an_intranet_page_redirecting_to_this_machine_is_refused(
    ours: PrivateService, intranet_page: Hops
) -> None:
    [result] = check([intranet_page.to(ours.url("/admin"))], stand_in_transport())
    assert intranet_page.paths, "the intranet page itself was checked"
    assert ours.contacts == 0
    assert result.reason == "private-address"


def test_an_intranet_name_rebinding_to_this_machine_is_refused(ours: PrivateService) -> None:
    """First answer the intranet host, then this machine: each connection is judged."""
    seen: list[str] = []

    async def dns(host: str, port: int) -> list[str]:
        seen.append(host)
        return ["127.0.0.3"] if len(seen) == 1 else ["127.0.0.1"]

    transport = PerHostTransport(
        per_host=2,
        allow_private=True,
        allow_own_machine=False,
        own_machine=only_127_0_0_1_is_ours,
        resolver=Resolver(ttl=0, lookup=dns),
    )
    results = check(
        [
            f"http://rebind.intranet.test:{ours.port}/a",
            f"http://rebind.intranet.test:{ours.port}/b",
        ],
        transport,
    )
    assert ours.contacts == 0
    assert all(r.outcome is not LinkOutcome.OK for r in results)


# -- webhooks and mail ----------------------------------------------------------------------


def test_a_webhook_to_this_machine_is_refused_with_private_receivers_allowed(
    ours: PrivateService,
) -> None:
    for url in (ours.url("/hook"), f"http://localhost:{ours.port}/hook"):
        with pytest.raises(DeliveryError) as caught:
            post(url, {}, "s", event="e", delivery="1", timeout=2.0, allow_private=True)
        assert caught.value.permanent
        assert "private address" in str(caught.value)
    assert ours.contacts == 0


def test_a_webhook_name_answering_this_machine_is_refused(ours: PrivateService) -> None:
    def dns(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    with pytest.raises(DeliveryError) as caught:
        post(
            f"http://hooks.intranet.test:{ours.port}/hook",
            {},
            "s",
            event="e",
            delivery="1",
            timeout=2.0,
            allow_private=True,
            lookup=dns,
        )
    assert ours.contacts == 0
    assert caught.value.permanent


def test_a_webhook_to_this_machine_is_sent_where_it_is_named(ours: PrivateService) -> None:
    post(
        ours.url("/hook"),
        {},
        "s",
        event="e",
        delivery="1",
        timeout=2.0,
        allow_private=True,
        allow_own_machine=True,
    )
    assert ours.requests == ["POST /hook"]


def test_the_webhook_policy_refuses_this_machine_when_saved_and_mailed() -> None:
    policy = WebhookPolicy(allow_private=True, allow_http=True)
    assert policy.refusal("http://127.0.0.1:8000/admin") is not None
    assert policy.refusal("http://[::1]/hook") is not None
    assert policy.refusal("http://10.0.0.5/hook") is None  # the intranet: allowed
    assert policy.mail_refusal("root@localhost") is not None
    assert policy.mail_refusal("root@[127.0.0.1]") is not None
    named = WebhookPolicy(allow_private=True, allow_http=True, allow_own_machine=True)
    assert named.refusal("http://127.0.0.1:8000/hook") is None


def test_every_address_of_our_own_interfaces_is_ours() -> None:
    """Our public address reaches our services bound to 0.0.0.0 as 127.0.0.1 does."""
    from citeaudit.links.own_addresses import own_addresses

    rule = AddressRule(allow_private=True, allow_own_machine=False)
    for address in own_addresses.current():
        assert is_own_machine(address), address
        assert rule.refuses(address), address


# -- a confined run (a fork's pull request) on a runner that allows private networks --------


def _confined_settings(monkeypatch: pytest.MonkeyPatch, folder: Path, url: str) -> Settings:
    from citeaudit.cli import check as cli_check
    from citeaudit.cli import main
    from citeaudit.cli.shared_audit import settings_for

    (folder / "paper.md").write_text("As shown [@a].\n", "utf-8")
    (folder / "refs.bib").write_text(
        "@article{a, author={Smith, A.}, title={A}, journal={J}, year=2001, "
        f"url={{{url}}}}}\n",
        "utf-8",
    )
    monkeypatch.chdir(folder)
    monkeypatch.setenv("CITEAUDIT_CACHE_DIR", str(folder / ".cache"))
    built: list[Settings] = []
    real = settings_for

    def capture(overrides: dict[str, object]) -> Settings:
        built.append(real(overrides))
        return built[-1]

    monkeypatch.setattr(cli_check, "settings_for", capture)
    main(["check", "paper.md", "--bib", "refs.bib", "--offline", "--confine", "."])
    return built[-1]


def test_a_confined_run_never_reaches_the_runner_itself(
    ours: PrivateService, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CITEAUDIT_ALLOW_PRIVATE_NETWORKS", "true")  # the runner's owner
    monkeypatch.delenv("CITEAUDIT_ALLOW_OWN_MACHINE", raising=False)
    settings = _confined_settings(monkeypatch, tmp_path, ours.url("/containers/json"))
    policy = LinkPolicy.from_settings(settings, min_interval=0.0, max_retries=0, archive=False)
    assert policy.allow_private_networks and not policy.allow_own_machine
    [result] = check([ours.url("/containers/json")], policy=policy)
    assert ours.contacts == 0, "the fork's link reached the runner's own port"
    assert result.reason == "private-address"


def test_the_runners_owner_may_name_the_runner_itself(
    ours: PrivateService, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CITEAUDIT_ALLOW_PRIVATE_NETWORKS", "true")
    monkeypatch.setenv("CITEAUDIT_ALLOW_OWN_MACHINE", "true")
    settings = _confined_settings(monkeypatch, tmp_path, ours.url("/"))
    assert LinkPolicy.from_settings(settings).allow_own_machine
