"""A notification address's domain is judged under every name the relay may ask DNS for.

An internationalised domain has more than one ASCII spelling: IDNA 2008 (UTS 46,
non-transitional: Postfix, libidn2, dnspython) keeps ``ß`` and final ``ς`` and writes
``faß.example`` as ``xn--fa-hia.example``; IDNA 2003 (Python's ``idna`` codec, which
``socket.getaddrinfo`` applies to a str, and older relays) folds them to ``fass.example``.
Two names, both in the uploader's own zone. The mail exchanger check asked dnspython
for the MX records (IDNA 2008) but, for a domain with none (RFC 5321's implicit MX),
asked ``getaddrinfo`` for the domain's own addresses (IDNA 2003): an account's
``me@faß.in.attacker.example`` was judged by ``fass.in.attacker.example`` (public)
while a relay delivering by itself connects to ``xn--fa-hia.in.attacker.example``'s
address -- port 25 of a machine of its network, with the audit's findings. Each
spelling is now judged, and looked up as ASCII, never left to a library's codec.

The name server is a stand-in that converts a name as each real library does before
asking (dnspython for MX, the socket module's codec for addresses); the relay is
aiosmtpd on loopback with SMTPUTF8, as Postfix offers it by default.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import dns.name
import idna
import pytest

from citeaudit.settings import ServiceSettings
from citeaudit.watch import mail_exchangers
from citeaudit.watch.mail_exchangers import MailDns, exchanger_refusal
from citeaudit.watch.mailer import send_mail
from citeaudit.watch.webhook import DeliveryError
from citeaudit.watch.webhook_policy import WebhookPolicy

PUBLIC = "8.8.8.8"  # only judged, never connected to: the relay is the loopback stand-in


def relay_reading(domain: str) -> str:
    """The name a relay asks DNS for (Postfix's UTS 46 non-transitional processing)."""
    return idna.encode(domain, uts46=True).decode("ascii")


def codec_reading(domain: str) -> str:
    """The name ``socket.getaddrinfo`` asks for a str host (Python's IDNA 2003 codec)."""
    return domain.encode("idna").decode("ascii")


@dataclass
class Zone:
    """The uploader's zone, keyed by ASCII names; each question is converted as the
    library that asks it converts a str (`exchangers`: dnspython; `addresses`: the
    socket module), so the stand-in sees what a real name server would be asked."""

    mx: dict[str, list[str]] = field(default_factory=dict)
    a: dict[str, list[str]] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)

    def exchangers(self, domain: str, timeout: float) -> list[str] | None:
        name = dns.name.from_text(domain).to_text(omit_final_dot=True).lower()
        self.asked.append(f"MX {name}")
        return self.mx.get(name)

    def addresses(self, host: str, port: int) -> list[str]:
        name = codec_reading(host.rstrip(".")).lower()
        self.asked.append(f"A {name}")
        if name not in self.a:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return self.a[name]


class Inbox:
    def __init__(self) -> None:
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"


@dataclass
class Relay:
    port: int
    inbox: Inbox

    def settings(self) -> ServiceSettings:
        return ServiceSettings(
            smtp_host="127.0.0.1", smtp_port=self.port, smtp_check_exchangers=True
        )

    def delivered(self, count: int) -> list[list[str]]:
        deadline = time.monotonic() + 5
        while len(self.inbox.recipients) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.inbox.recipients


@pytest.fixture
def relay() -> Iterator[Relay]:
    """An SMTPUTF8 relay on loopback: an internationalised address is accepted, as a
    Postfix relay accepts it, so a delivery the check lets through arrives."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, enable_SMTPUTF8=True)
    controller.start()
    try:
        yield Relay(port, inbox)
    finally:
        controller.stop()


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Zone:
    stand_in = Zone()
    monkeypatch.setattr(
        mail_exchangers, "system_dns", lambda: MailDns(stand_in.exchangers, stand_in.addresses)
    )
    return stand_in


# Domains whose two readings differ: German sharp s, Greek final sigma.
SPLIT = ["faß.in.attacker.example", "ς.in.attacker.example", "straße.in.attacker.example"]


def test_the_two_readings_differ() -> None:
    for domain in SPLIT:
        assert relay_reading(domain) != codec_reading(domain)


@pytest.mark.parametrize("domain", SPLIT)
def test_implicit_mx_is_judged_as_the_relay_reads_the_domain(
    relay: Relay, zone: Zone, domain: str
) -> None:
    """No MX records: the relay delivers to the domain's own address, under its IDNA
    2008 name (10.0.0.5), whatever the IDNA 2003 name says (public)."""
    zone.a[relay_reading(domain)] = ["10.0.0.5"]
    zone.a[codec_reading(domain)] = [PUBLIC]
    with pytest.raises(DeliveryError) as caught:
        send_mail(relay.settings(), f"me@{domain}", "subject", "text", "event")
    assert caught.value.permanent
    assert "private" in str(caught.value)
    assert relay.delivered(0) == []
    assert f"A {relay_reading(domain)}" in zone.asked


@pytest.mark.parametrize("domain", SPLIT)
def test_mx_of_the_other_reading_is_judged_too(zone: Zone, domain: str) -> None:
    """A relay reading the domain as IDNA 2003 asks for the other name's MX records:
    each reading's exchangers are judged."""
    zone.mx[relay_reading(domain)] = ["mx.public.example"]
    zone.a["mx.public.example"] = [PUBLIC]
    zone.mx[codec_reading(domain)] = ["mx.in.attacker.example"]
    zone.a["mx.in.attacker.example"] = ["192.168.1.7"]
    refused = exchanger_refusal(
        domain, WebhookPolicy().rule(), MailDns(zone.exchangers, zone.addresses)
    )
    assert refused == "mx.in.attacker.example (192.168.1.7)"


def test_a_public_international_domain_is_mailed(relay: Relay, zone: Zone) -> None:
    """Both readings public: delivered (the refusal is the split, not the script)."""
    domain = "faß.public.example"
    zone.a[relay_reading(domain)] = [PUBLIC]
    zone.a[codec_reading(domain)] = [PUBLIC]
    send_mail(relay.settings(), f"me@{domain}", "s", "t", "e")
    assert relay.delivered(1) == [[f"me@{domain}"]]
