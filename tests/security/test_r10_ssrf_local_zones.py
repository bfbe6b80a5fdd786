"""Two more zones only a local resolver answers: ``.consul`` and ``.mail``.

Where private networks are refused (the service), a name no public name server can
answer is refused before it is looked up (`safety.is_local_name`), with the answer a
private address gets, so a report never says which internal names exist. Consul's
DNS interface answers ``<service>.service.consul`` (and ``<node>.node.<dc>.consul``)
on the machines of a Consul cluster, and ``.mail`` is, with ``.home`` and ``.corp``,
one of the three names ICANN will never delegate because private networks use them.
Both were asked of the resolver: ``http://vault.service.consul:8200/`` came back
"private-address, not checked" where Consul knew the service and "its host name does
not resolve" where it did not -- one upload of guesses listed a cluster's services.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from citeaudit.links import pinned, safety
from citeaudit.links.checker import LinkChecker
from citeaudit.links.safety import AddressRule, is_local_name
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck
from citeaudit.watch.webhook import DeliveryError, post
from tests.security.test_ssrf_hops import SERVICE, only_127_0_0_2_is_public
from tests.stand_ins.judged_transport import judged_by

LOCAL = [
    "vault.service.consul",
    "billing-db.service.eu-west.consul",
    "node7.node.dc2.consul.",
    "VAULT.SERVICE.CONSUL",
    "exchange.mail",
    "smtp.branch-office.mail",
    "imap\uff0email",  # a full-width full stop
]
PUBLIC = [
    "mail.example.org",
    "consul.example.com",
    "www.consul.io",
    "mail.consul.example.net",
]


@pytest.mark.parametrize("host", LOCAL)
def test_consul_and_mail_names_are_local(host: str) -> None:
    assert is_local_name(host)
    url = f"http://{host}:8200/v1/secret"
    assert AddressRule().url_refusal(url) is not None
    assert AddressRule(allow_private=True).url_refusal(url) is None  # the CLI's intranet


@pytest.mark.parametrize("host", PUBLIC)
def test_those_words_elsewhere_in_a_name_stay_public(host: str) -> None:
    assert not is_local_name(host)
    assert AddressRule().url_refusal(f"https://{host}/a") is None


@pytest.fixture
def lookups(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every name handed to the system resolver; each answers a private address."""
    asked: list[str] = []

    def fake(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        asked.append(str(host))
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", int(port or 0)))]

    monkeypatch.setattr(safety.socket, "getaddrinfo", fake)
    monkeypatch.setattr(pinned.socket, "getaddrinfo", fake)
    yield asked


def test_link_checks_of_consul_and_mail_names_are_never_looked_up(lookups: list[str]) -> None:
    urls = ["http://vault.service.consul:8200/v1/x", "http://exchange.mail/owa/"]

    async def go() -> list[LinkCheck]:
        async with LinkChecker(
            SERVICE,
            archive_url=None,
            probe_urls=(),
            transport=judged_by(only_127_0_0_2_is_public, SERVICE),
        ) as checker:
            return await checker.check_all([target_for(u) for u in urls])

    checks = asyncio.run(go())
    assert [c.reason for c in checks] == ["private-address", "private-address"]
    assert lookups == []


def test_a_webhook_to_a_consul_service_is_refused_unasked(lookups: list[str]) -> None:
    with pytest.raises(DeliveryError) as caught:
        post(
            "https://vault.service.consul:8200/hook",
            {},
            "s",
            event="e",
            delivery="1",
            timeout=2.0,
            allow_private=False,
        )
    assert caught.value.permanent
    assert lookups == []
