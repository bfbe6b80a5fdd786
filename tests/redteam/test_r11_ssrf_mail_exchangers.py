"""A notification's recipient domain is where DNS says the relay delivers: its MX hosts.

Round 7 refused ``me@10.0.0.5`` and ``me@db.internal`` (the relay would connect to a
machine of its network, port 25, with the audit's findings and URLs), judging the
domain as written. But a relay delivering by itself asks DNS for the domain's mail
exchangers: ``me@in.attacker.example`` whose MX record names ``db.internal.`` or an
exchanger at 10.0.0.5, or which has no MX and an A record of 127.0.0.1 (RFC 5321's
implicit MX), reached the same machines -- the domain check never looked. Each
exchanger is now judged like a webhook host, at every delivery.

The relay is aiosmtpd on loopback (it delivers nowhere); the recipient domains' DNS is
a stand-in (`Zone`), so nothing here asks a real name server.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from citeaudit.settings import ServiceSettings
from citeaudit.watch import mail_exchangers
from citeaudit.watch.mail_exchangers import MailDns, RouteUnknown
from citeaudit.watch.mailer import send_mail
from citeaudit.watch.webhook import DeliveryError
from tests.security.ssrf_loopback import Inbox, delivered, running_relay


@dataclass
class Zone:
    """A stand-in name server: MX targets per domain (absent: no MX records) and
    addresses per name (absent: no such name); `silent` names get no answer."""

    mx: dict[str, list[str]] = field(default_factory=dict)
    a: dict[str, list[str]] = field(default_factory=dict)
    silent: frozenset[str] = frozenset()
    asked: list[str] = field(default_factory=list)

    def exchangers(self, domain: str, timeout: float) -> list[str] | None:
        self.asked.append(f"MX {domain}")
        if domain in self.silent:
            raise RouteUnknown(f"{domain}: timed out")
        return self.mx.get(domain)

    def addresses(self, name: str, port: int) -> list[str]:
        self.asked.append(f"A {name}")
        if name in self.silent:
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        if name not in self.a:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return self.a[name]


@dataclass
class Relay:
    port: int
    inbox: Inbox

    def settings(self, *, allow_private: bool = False) -> ServiceSettings:
        return ServiceSettings(
            smtp_host="127.0.0.1",
            smtp_port=self.port,
            webhook_allow_private_networks=allow_private,
            smtp_check_exchangers=True,  # the suite turns the look-ups off (conftest)
        )

    def delivered(self, count: int) -> list[list[str]]:
        return delivered(self.inbox, count)


@pytest.fixture
def relay() -> Iterator[Relay]:
    with running_relay() as (port, inbox):
        yield Relay(port, inbox)


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Zone:
    stand_in = Zone()
    monkeypatch.setattr(
        mail_exchangers, "system_dns", lambda: MailDns(stand_in.exchangers, stand_in.addresses)
    )
    return stand_in


PUBLIC = "8.8.8.8"  # only judged, never connected to: the relay is the loopback stand-in

# (its MX targets, or None for no MX records; the names' addresses), for the domain D
D = "in.attacker.example"
MX = "mx.attacker.example"
INSIDE: dict[str, tuple[list[str] | None, dict[str, list[str]]]] = {
    "mx-local-name": (["db.internal"], {}),
    "mx-private-address": ([MX], {MX: ["10.0.0.5"]}),
    "mx-literal": (["10.0.0.5"], {}),
    "mx-loopback-spelling": (["0x7f.1"], {}),
    "mx-localhost": (["localhost"], {}),
    "implicit-mx-loopback": (None, {D: ["127.0.0.1"]}),
    "implicit-mx-mapped": (None, {D: ["::ffff:10.0.0.5"]}),
    "second-mx-private": (["mx1.x.example", "mx2.x.example"],
                          {"mx1.x.example": [PUBLIC], "mx2.x.example": ["192.168.1.1"]}),
    "one-address-of-several": ([MX], {MX: [PUBLIC, "172.16.0.9"]}),
}  # fmt: skip


@pytest.mark.parametrize("case", list(INSIDE))
def test_a_domain_whose_exchangers_are_private_is_never_mailed(
    relay: Relay, zone: Zone, case: str
) -> None:
    mx, addresses = INSIDE[case]
    if mx is not None:
        zone.mx[D] = mx
    zone.a.update(addresses)
    with pytest.raises(DeliveryError) as caught:
        send_mail(relay.settings(), f"me@{D}", "subject", "text", "event")
    assert caught.value.permanent
    assert "private" in str(caught.value)
    assert relay.delivered(0) == []


def test_metadata_exchangers_are_refused_even_where_private_ones_are_allowed(
    relay: Relay, zone: Zone
) -> None:
    zone.mx["in.attacker.example"] = ["mx.attacker.example"]
    zone.a["mx.attacker.example"] = ["::ffff:169.254.169.254"]
    with pytest.raises(DeliveryError) as caught:
        send_mail(relay.settings(allow_private=True), "me@in.attacker.example", "s", "t", "e")
    assert caught.value.permanent
    assert relay.delivered(0) == []


def test_private_exchangers_are_mailed_where_the_operator_allows_them(
    relay: Relay, zone: Zone
) -> None:
    zone.mx["corp.example"] = ["mx.corp.example"]
    zone.a["mx.corp.example"] = ["10.0.0.5"]
    send_mail(relay.settings(allow_private=True), "me@corp.example", "s", "t", "e")
    assert relay.delivered(1) == [["me@corp.example"]]


@pytest.mark.parametrize(
    ("mx", "addresses"),
    [
        (["mx.public.example"], {"mx.public.example": [PUBLIC]}),
        (None, {"public.example": [PUBLIC]}),  # implicit MX
        (["."], {}),  # null MX: nowhere to deliver, the relay bounces
        (["gone.public.example", "mx.public.example"], {"mx.public.example": [PUBLIC]}),
    ],
)
def test_public_exchangers_are_mailed(
    relay: Relay, zone: Zone, mx: list[str] | None, addresses: dict[str, list[str]]
) -> None:
    if mx is not None:
        zone.mx["public.example"] = mx
    zone.a.update(addresses)
    send_mail(relay.settings(), "me@public.example", "s", "t", "e")
    assert relay.delivered(1) == [["me@public.example"]]


@pytest.mark.parametrize("silent", ["in.attacker.example", "mx.attacker.example"])
def test_no_answer_from_the_name_server_waits_for_a_later_delivery(
    relay: Relay, zone: Zone, silent: str
) -> None:
    zone.mx["in.attacker.example"] = ["mx.attacker.example"]
    zone.silent = frozenset({silent})
    with pytest.raises(DeliveryError) as caught:
        send_mail(relay.settings(), "me@in.attacker.example", "s", "t", "e")
    assert not caught.value.permanent
    assert relay.delivered(0) == []


def test_a_domain_naming_more_exchangers_than_are_judged_is_refused(
    relay: Relay, zone: Zone
) -> None:
    names = [f"mx{i}.attacker.example" for i in range(mail_exchangers.MAX_EXCHANGERS + 1)]
    zone.mx["in.attacker.example"] = names
    zone.a.update({n: [PUBLIC] for n in names})
    with pytest.raises(DeliveryError) as caught:
        send_mail(relay.settings(), "me@in.attacker.example", "s", "t", "e")
    assert caught.value.permanent
    assert relay.delivered(0) == []
