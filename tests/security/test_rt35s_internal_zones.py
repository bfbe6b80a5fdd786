"""A link's report must not say which names our own DNS knows (split horizon).

Where private networks are refused (the service, a confined run), a dotted name under
a public top-level domain was looked up and judged by its answer: one our own name
servers alone answer -- a company's ``corp.example.com`` zone, a cloud network's own
(Azure's ``<vnet>.internal.cloudapp.net``, what a GitHub runner's search list names),
a private hosted zone -- came back "private-address, not checked" while a name nobody
knows came back "its host name does not resolve". One upload of guesses under the
zone mapped which of our network's machines exist (``vault.corp.example.com``:
private-address; ``vaults.corp.example.com``: dns), each look-up asked of our own
resolver. README listed it as left in two earlier rounds.

The names of our own zones are now refused before any look-up, as a local-only name
(``redis``, ``db.internal``) is, with the one answer a private address gets, whether
they exist or not. The zones are the resolver's own search list (``search`` or
``domain`` in ``/etc/resolv.conf``, ``LOCALDOMAIN``: the domains whose names our
resolver completes are our network's) unless ``CITEAUDIT_INTERNAL_DOMAINS`` names them
(``none`` for none). Only links are judged so: a webhook's or mail address's refusal
never depends on a look-up (their look-ups' answers are never shown), and a
recipient's domain in our own zone is where our own people get their mail.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from citeaudit.links import internal_zones, pinned, safety
from citeaudit.links.checker import LinkChecker
from citeaudit.links.internal_zones import (
    InternalZones,
    declared_zones,
    network_name,
    search_list,
)
from citeaudit.links.safety import AddressRule
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck
from citeaudit.watch.webhook_policy import WebhookPolicy
from tests.security.ssrf_loopback import CLI
from tests.security.test_ssrf_hops import SERVICE, Hops, only_127_0_0_2_is_public
from tests.stand_ins.judged_transport import judged_by

ZONE = "corp.example.com"
KNOWN = {"vault.corp.example.com", "jenkins.corp.example.com", "www.example.net"}


@pytest.fixture
def our_dns(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Our own name server: the names in `KNOWN` answer a private address (loopback,
    which the service refuses), any other does not exist. Every name asked is kept."""
    asked: list[str] = []

    def fake(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        name = str(host).rstrip(".").lower()
        asked.append(name)
        if name in KNOWN:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", int(port or 0)))]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(safety.socket, "getaddrinfo", fake)
    monkeypatch.setattr(pinned.socket, "getaddrinfo", fake)
    yield asked


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Our resolver's search list is `ZONE` (as /etc/resolv.conf would say)."""
    monkeypatch.setattr(internal_zones, "internal_zones", InternalZones(zones=(ZONE,)))


def _service_checks(urls: list[str], policy: Any = SERVICE) -> list[LinkCheck]:
    async def go() -> list[LinkCheck]:
        async with LinkChecker(
            policy,
            archive_url=None,
            probe_urls=(),
            transport=judged_by(only_127_0_0_2_is_public, policy),
        ) as checker:
            return await checker.check_all([target_for(u) for u in urls])

    return asyncio.run(go())


def _said(check: LinkCheck) -> tuple[object, ...]:
    return (check.outcome, check.reason, check.status, check.final_url, check.hops)


# -- the oracle: one answer whether the name exists or not ------------------------------


@pytest.mark.usefixtures("zone")
def test_a_name_of_our_zone_reads_the_same_whether_it_exists(our_dns: list[str]) -> None:
    exists, unknown = _service_checks(
        ["http://vault.corp.example.com/", "http://vaults.corp.example.com/"]
    )
    assert _said(exists) == _said(unknown)
    assert exists.reason == "private-address"
    assert our_dns == []  # neither was asked of our name server


@pytest.mark.usefixtures("zone")
def test_a_redirect_into_our_zone_is_refused_unasked(our_dns: list[str]) -> None:
    public = Hops().start()
    try:
        exists, unknown = _service_checks(
            [
                public.to("http://jenkins.corp.example.com:8080/job"),
                public.to("http://jenkinz.corp.example.com:8080/job"),
            ]
        )
        assert len(public.paths) == 2
    finally:
        public.stop()
    assert _said(exists)[:2] == _said(unknown)[:2] == (exists.outcome, "private-address")
    assert our_dns == []


SPELLINGS = [
    "VAULT.Corp.Example.COM",
    "vault.corp.example.com.",
    "vault.corp.example.com..",
    "vault\u3002corp\u3002example\u3002com",  # ideographic full stops
    "vault.corp.\uff45xample.com",  # a full-width letter
    "vault.corp.ex\u00adample.com",  # a soft hyphen IDNA drops
    "vault%2ecorp%2eexample%2ecom",
    "corp.example.com",  # the zone's own name
    "a.b.c.corp.example.com",
]


@pytest.mark.usefixtures("zone")
@pytest.mark.parametrize("host", SPELLINGS)
def test_every_spelling_of_a_name_in_our_zone_is_refused(host: str) -> None:
    assert network_name(host)
    assert AddressRule(local_name=network_name).url_refusal(f"http://{host}/x") is not None


@pytest.mark.usefixtures("zone")
@pytest.mark.parametrize(
    "host", ["example.com", "xcorp.example.com", "corp.example.com.evil.org", "corp-example.com"]
)
def test_names_outside_our_zone_are_asked(host: str, our_dns: list[str]) -> None:
    assert not network_name(host)
    _service_checks([f"http://{host}/x"])
    assert set(our_dns) == {host}  # asked (once per try)


def test_an_internationalised_zone_matches_its_a_label(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(internal_zones, "internal_zones", InternalZones(zones=("bücher.example",)))
    assert network_name("wiki.xn--bcher-kva.example")
    assert network_name("wiki.BÜCHER.example")
    monkeypatch.setattr(
        internal_zones, "internal_zones", InternalZones(zones=("xn--bcher-kva.example",))
    )
    assert network_name("wiki.bücher.example")


# -- only where private networks are refused, and only links ----------------------------


@pytest.mark.usefixtures("zone")
def test_the_cli_asks_its_own_zone(our_dns: list[str]) -> None:
    async def go() -> None:
        async with LinkChecker(CLI, archive_url=None, probe_urls=()) as checker:
            await checker.check_all([target_for("http://vault.corp.example.com:1/x")])

    asyncio.run(go())
    assert "vault.corp.example.com" in our_dns


@pytest.mark.usefixtures("zone")
def test_mail_and_webhooks_in_our_zone_are_not_refused_by_it() -> None:
    """Their refusals never depend on a look-up, and our own people's mail is there."""
    policy = WebhookPolicy(allow_private=False, allow_http=True)
    assert policy.mail_refusal("editor@corp.example.com") is None
    assert policy.refusal("https://hooks.corp.example.com/x") is None


# -- where the zones come from ----------------------------------------------------------


def test_the_search_list_is_read_as_the_resolver_reads_it() -> None:
    text = (
        "# comment\n"
        "nameserver 10.0.0.2\n"
        "domain old.example\n"
        "search corp.example.com  eu.corp.example.com. ;x\n"
        "options ndots:5\n"
    )
    assert search_list(text, {}, "host") == ("corp.example.com", "eu.corp.example.com")
    # `domain` and `search` exclude each other: the last one wins.
    assert search_list("search a.example\ndomain b.example\n", {}, "h") == ("b.example",)
    # LOCALDOMAIN overrides the file; without either, the host name's domain.
    assert search_list(text, {"LOCALDOMAIN": "x.example y.example"}, "h") == (
        "x.example",
        "y.example",
    )
    assert search_list("nameserver 1.1.1.1\n", {}, "worker7.lab.example.org") == (
        "lab.example.org",
    )
    assert search_list("nameserver 1.1.1.1\n", {}, "worker7") == ()
    # One label is no zone of ours to claim (a search list of "com" would refuse .com),
    # nor is the root.
    assert search_list("search com . lan corp.example\n", {}, "h") == ("corp.example",)


def test_a_long_search_list_is_bounded() -> None:
    many = " ".join(f"z{i}.example" for i in range(10_000))
    assert len(search_list(f"search {many}\n", {}, "h")) == internal_zones.MAX_ZONES


def test_the_operator_names_the_zones(tmp_path: Path) -> None:
    conf = tmp_path / "resolv.conf"
    conf.write_text("search corp.example.com\n")
    found = InternalZones.from_environment({}, conf, "h")
    assert found.zones == ("corp.example.com",)
    named = InternalZones.from_environment(
        {"CITEAUDIT_INTERNAL_DOMAINS": "lab.example.org, Vault.Example."}, conf, "h"
    )
    assert named.zones == ("lab.example.org", "vault.example")
    none = InternalZones.from_environment({"CITEAUDIT_INTERNAL_DOMAINS": "none"}, conf, "h")
    assert none.zones == ()
    assert not InternalZones.from_environment({}, tmp_path / "missing", "h").zones


@pytest.mark.parametrize("value", ["com", "example.com/24", "10.0.0.0", "a..b", "-x.example"])
def test_a_declared_zone_must_be_a_domain_under_a_top_level_one(value: str) -> None:
    with pytest.raises(ValueError, match="CITEAUDIT_INTERNAL_DOMAINS"):
        declared_zones(value)


@pytest.mark.usefixtures("zone")
def test_the_transport_alone_never_asks_our_zone(our_dns: list[str]) -> None:
    """Any client of the link transport (the checker's services' client too), not
    only the checker's own judgement of each URL."""
    import httpx

    from citeaudit.links.safety import is_refusal
    from citeaudit.links.transport import PerHostTransport

    async def go() -> list[BaseException]:
        transport = PerHostTransport(per_host=2, allow_private=False)
        caught: list[BaseException] = []
        async with httpx.AsyncClient(transport=transport) as client:
            for host in ("vault.corp.example.com", "vaults.corp.example.com"):
                try:
                    await client.get(f"http://{host}/")
                except httpx.HTTPError as exc:
                    caught.append(exc)
        await transport.aclose()
        return caught

    caught = asyncio.run(go())
    assert len(caught) == 2 and all(is_refusal(exc) for exc in caught)
    assert our_dns == []
