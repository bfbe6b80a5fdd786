"""A recipient domain's mail exchanger is never one of our backends' machines.

Red team (rt34s). A notification's recipient domain is judged where the relay would
deliver it: its MX hosts and their addresses (`mail_exchangers`), like a webhook's
host. But the exchangers' addresses were judged by the address rule alone
(`AddressRule.refuses`), never by our backends' (`AddressRule.backend_refusal`), which
every webhook connection, link and redirect obeys. Where the operator lets
notifications reach private networks (``CITEAUDIT_WEBHOOK_ALLOW_PRIVATE_NETWORKS``),
``me@in.attacker.example`` whose MX's address is our database's machine (10.20.30.40)
was handed to the relay, which delivered the audit's findings to that machine's port
25 -- a webhook to a name answering 10.20.30.40 is refused as "the service's own
database_url". The relay itself stays a possible exchanger (it may be its own
domain's MX).

The relay is aiosmtpd on loopback (it delivers nowhere); the recipient domains' DNS is
a stand-in, so nothing here asks a real name server.
"""

from __future__ import annotations

import ipaddress

import pytest

from citeaudit.links.backends import OWN_SERVICES, Backend, BackendAddresses
from citeaudit.links.safety import AddressRule
from citeaudit.settings import ServiceSettings
from citeaudit.watch.mail_exchangers import MailDns, exchanger_refusal
from citeaudit.watch.mailer import send_mail
from citeaudit.watch.webhook import DeliveryError
from tests.redteam.test_r11_ssrf_mail_exchangers import Relay, Zone, relay, zone

__all__ = ["relay", "zone"]  # the fixtures, shared with r11's module

DATABASE = "10.20.30.40"  # our database's machine, another of our network
D = "in.attacker.example"
MX = "mx.attacker.example"


def _settings(relay: Relay, **values: str) -> ServiceSettings:
    return ServiceSettings(
        smtp_host="127.0.0.1",
        smtp_port=relay.port,
        webhook_allow_private_networks=True,  # the operator's intranet receivers
        smtp_check_exchangers=True,
        **values,
    )


BACKENDS = {
    "database": {"database_url": f"postgresql+psycopg://audit:made-up@{DATABASE}:5432/audits"},
    "broker": {"broker_url": f"redis://{DATABASE}:6379/0"},
    "own service network": {"own_services": "10.20.0.0/16"},
}
EXCHANGERS = {
    "mx": ([MX], {MX: [DATABASE]}),
    "mx mapped": ([MX], {MX: [f"::ffff:{DATABASE}"]}),
    "implicit mx": (None, {D: [DATABASE]}),
}


@pytest.mark.parametrize("route", EXCHANGERS)
@pytest.mark.parametrize("backend", BACKENDS)
def test_mail_never_goes_to_a_backends_machine(
    relay: Relay, zone: Zone, backend: str, route: str
) -> None:
    mx, addresses = EXCHANGERS[route]
    if mx is not None:
        zone.mx[D] = mx
    zone.a.update(addresses)
    with pytest.raises(DeliveryError) as caught:
        send_mail(_settings(relay, **BACKENDS[backend]), f"me@{D}", "s", "t", "e")
    assert caught.value.permanent
    assert relay.delivered(0) == []


def test_an_intranet_exchanger_that_is_no_backend_is_still_mailed(relay: Relay, zone: Zone) -> None:
    zone.mx["corp.example"] = ["mx.corp.example"]
    zone.a["mx.corp.example"] = ["10.20.30.41"]
    send_mail(_settings(relay, **BACKENDS["database"]), "me@corp.example", "s", "t", "e")
    assert relay.delivered(1) == [["me@corp.example"]]


def test_the_relay_may_be_the_domains_own_exchanger() -> None:
    # Our relay on an intranet machine is corp.example's MX too: mail to colleagues.
    relay_host = "10.20.30.50"
    backends = BackendAddresses(
        (Backend("smtp_host", relay_host, 25), Backend(OWN_SERVICES, "10.20.30.60", 0))
    )
    rule = AddressRule(allow_private=True, allow_own_machine=False, backends=backends)
    dns = MailDns(lambda domain, timeout: ["mx.corp.example"], lambda name, port: [relay_host])
    assert exchanger_refusal("corp.example", rule, dns) is None
    other = MailDns(lambda domain, timeout: ["mx.corp.example"], lambda name, port: ["10.20.30.60"])
    assert exchanger_refusal("corp.example", rule, other) is not None
    assert ipaddress.ip_address(relay_host).is_private
