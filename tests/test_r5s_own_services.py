"""The deployment's own services stay refused with private networks allowed.

A deployment that checks its intranet's links (CITEAUDIT_ALLOW_PRIVATE_NETWORKS) runs
its workers on the same private network as its own API (``api:8000`` in the compose
file), a Celery monitor (Flower on ``flower:5555``), a metrics exporter or an admin
panel. Only the four backends the settings name (Redis, broker, database, mail relay)
were refused whatever else was allowed (`links.backends`): a manuscript's
``http://api:8000/api/v1/...`` or ``http://flower:5555/api/workers`` was requested from
the worker like any intranet page, and the report said what answered.

`CITEAUDIT_OWN_SERVICES` (the `own_services` setting) names them: hosts, ``host:port``,
``[v6]:port``, a URL, or a whole network (``10.20.0.0/24``); without a port every port of
the host is refused. They are refused as the backends are, on every connection: a
link, a redirect hop, a registry's client, a webhook.

Loopback listeners play the services, each counting what it accepts; 127.0.0.3 plays
"another machine of our network" (only 127.0.0.1 is this machine here).
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from citeaudit.links.backends import (
    Backend,
    BackendAddresses,
    backends_from_environ,
    backends_of,
    service_backends,
)
from citeaudit.links.checker import LinkChecker
from citeaudit.links.pinned import pinned_client
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import AddressRule, IPAddress, is_refusal
from citeaudit.links.targets import target_for
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.settings import ServiceSettings
from citeaudit.watch.webhook import DeliveryError, post
from tests.test_r2b_backends_refused import FAST, Listener

ENV = "CITEAUDIT_OWN_SERVICES"


def _this_machine(ip: IPAddress) -> bool:
    return ip == ipaddress.ip_address("127.0.0.1")


@pytest.fixture
def api() -> Iterator[Listener]:
    listener = Listener("127.0.0.3")  # the API container, on another machine of ours
    yield listener
    listener.close()


@pytest.fixture
def intranet() -> Iterator[Listener]:
    listener = Listener("127.0.0.9")  # an intranet web server: still checked
    yield listener
    listener.close()


@pytest.fixture
def environ_services(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Sets CITEAUDIT_OWN_SERVICES as the process's environment would."""

    def set_to(value: str) -> None:
        found = backends_from_environ({ENV: value})
        monkeypatch.setattr(service_backends, "backends", found)

    yield set_to


def _run(urls: list[str], **kwargs: Any) -> list[LinkCheck]:
    policy = LinkPolicy(allow_private_networks=True, allow_own_machine=False, **FAST)
    transport = PerHostTransport(
        per_host=4, allow_private=True, allow_own_machine=False, own_machine=_this_machine
    )

    async def go() -> list[LinkCheck]:
        async with LinkChecker(
            policy, probe_urls=[], dns_names=[], transport=transport, **kwargs
        ) as checker:
            return await checker.check_all([target_for(u) for u in urls])

    return asyncio.run(go())


def _refused(result: LinkCheck) -> None:
    assert result.outcome is LinkOutcome.UNVERIFIED  # refused by policy, not "broken"
    assert result.reason == "private-address"


@pytest.mark.parametrize(
    "entry",
    ["127.0.0.3:{port}", "127.0.0.3", "http://127.0.0.3:{port}/", "127.0.0.0/30", "api-host"],
)
def test_a_link_to_our_own_api_is_refused_unconnected(
    entry: str,
    api: Listener,
    intranet: Listener,
    environ_services: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if entry == "api-host":  # a compose service name, looked up like a backend's
        lookups = {"api-host": frozenset({ipaddress.ip_address("127.0.0.3")})}
        monkeypatch.setattr(service_backends, "lookup", lambda host, port: lookups[host])
        monkeypatch.setattr(service_backends, "_answers", {})
    environ_services(entry.format(port=api.port))
    results = _run([api.url("/api/v1/audits"), intranet.url("/notes")])
    assert api.connections == 0
    _refused(results[0])
    assert results[1].outcome is LinkOutcome.OK  # the intranet is still checked
    assert intranet.connections >= 1


def test_a_redirect_to_our_own_service_is_refused(
    api: Listener, intranet: Listener, environ_services: Any
) -> None:
    environ_services(f"127.0.0.3:{api.port}")
    intranet.location = api.url("/api/workers")
    (result,) = _run([intranet.url("/hop")])
    assert intranet.connections >= 1
    assert api.connections == 0
    _refused(result)


def test_without_the_setting_the_same_service_is_reached(
    api: Listener, environ_services: Any
) -> None:
    # The control: what refuses the links above is the setting, nothing else.
    environ_services("")
    (result,) = _run([api.url("/api/v1/audits")])
    assert result.outcome is LinkOutcome.OK
    assert api.connections >= 1


def test_a_port_named_refuses_that_port_only(api: Listener, environ_services: Any) -> None:
    other = Listener("127.0.0.3")
    try:
        environ_services(f"127.0.0.3:{api.port}")
        # 127.0.0.3 is a private address on another machine: as an entry with a
        # port, only that port is the service (a shared host's other pages are not).
        refused = service_backends.refusal(
            ipaddress.ip_address("127.0.0.3"), other.port, _this_machine, lambda a: False
        )
        assert refused is None
        assert service_backends.refusal(
            ipaddress.ip_address("127.0.0.3"), api.port, _this_machine, lambda a: False
        )
    finally:
        other.close()


def test_registry_clients_and_webhooks_refuse_our_own_services(
    api: Listener, intranet: Listener, environ_services: Any
) -> None:
    environ_services(f"127.0.0.3:{api.port}")
    rule = AddressRule(allow_private=True, allow_own_machine=False, own_machine=_this_machine)
    with pinned_client(rule, timeout=2.0) as client:
        with pytest.raises(httpx.ConnectError) as caught:
            client.get(api.url("/"))
        assert is_refusal(caught.value)
        assert client.get(intranet.url("/")).status_code == 200
    with pytest.raises(DeliveryError) as refused:
        post(
            api.url("/hook"),
            {"a": 1},
            "secret",
            event="e",
            delivery="1",
            timeout=2.0,
            allow_private=True,
        )
    assert refused.value.permanent
    assert api.connections == 0


def test_entries_are_read_in_every_form() -> None:
    value = (
        "api:8000, flower:5555 http://admin.internal/ https://Grafana:3000/x "
        "[fd00::5]:9090 fd00::6 10.20.0.0/24 fd00:1::/64 metrics 10.30.0.0/16:5555 "
        "[fd00:2::/64]:8080 fd00:3::/64:9000"
    )
    found = {b for b in backends_from_environ({ENV: value}) if b.setting == "own_services"}
    assert found == {
        Backend("own_services", "api", 8000),
        Backend("own_services", "flower", 5555),
        Backend("own_services", "admin.internal", 80),
        Backend("own_services", "grafana", 3000),
        Backend("own_services", "fd00::5", 9090),
        Backend("own_services", "fd00::6", 0),
        Backend("own_services", "10.20.0.0/24", 0),
        Backend("own_services", "fd00:1::/64", 0),
        Backend("own_services", "metrics", 0),
        Backend("own_services", "10.30.0.0/16", 5555),
        Backend("own_services", "fd00:2::/64", 8080),
        Backend("own_services", "fd00:3::/64", 9000),
    }


def test_a_network_entry_refuses_each_of_its_addresses_however_carried() -> None:
    refused = BackendAddresses(
        (Backend("own_services", "10.20.0.0/24", 0), Backend("own_services", "fd00:1::/64", 0))
    )
    rule = AddressRule(allow_private=True, backends=refused)
    for address in (
        "10.20.0.7",
        "::ffff:10.20.0.7",
        "64:ff9b::a14:7",
        "2002:a14:7::1",
        "fd00:1::9",
    ):
        assert rule.backend_refusal(ipaddress.ip_address(address), 80), address
    assert rule.backend_refusal(ipaddress.ip_address("10.20.1.7"), 80) is None
    assert rule.backend_refusal(ipaddress.ip_address("fd00:2::9"), 80) is None
    at_port = BackendAddresses((Backend("own_services", "10.30.0.0/16", 5555),))
    assert at_port.refusal(ipaddress.ip_address("10.30.4.5"), 5555, _this_machine)
    assert at_port.refusal(ipaddress.ip_address("10.30.4.5"), 80, _this_machine) is None
    with pytest.raises(Exception) as caught:
        rule.check("10.20.0.7", 80, ["10.20.0.7"])
    assert "the deployment's own services" in str(caught.value)


def test_the_settings_name_them_too(tmp_path: Path) -> None:
    settings = ServiceSettings(cache_dir=tmp_path, data_dir=tmp_path)
    if "own_services" not in type(settings).model_fields:
        pytest.skip("the own_services setting is the lead's diff (r5s-own-services-settings)")
    settings = ServiceSettings(own_services="api:8000", cache_dir=tmp_path, data_dir=tmp_path)
    assert Backend("own_services", "api", 8000) in backends_of(settings)
