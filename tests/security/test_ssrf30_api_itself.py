"""The API's own port is refused in the process that serves it.

Red team (ssrf30). ``citeaudit serve`` without a broker runs its audits in the API's
own process (`service.embedded`). Where the operator lets link checks reach this
machine (``CITEAUDIT_ALLOW_OWN_MACHINE``, an intranet on the same host), a manuscript's
``http://127.0.0.1:8000/...`` was a request from the API to itself: our own service,
which ``own_services`` refuses only where the operator thought to list it. The port
serve binds is now refused in that process like a backend it uses
(`backends.refuse_listener`, /work/helpers/ssrf30-1.diff calls it in ``run_serve``).

The "API" is a loopback listener counting the connections it accepts; uvicorn and the
application are stand-ins that record what they were given.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from citeaudit.links import backends
from citeaudit.links.backends import Backend, service_backends
from citeaudit.links.pinned import pinned_client
from citeaudit.links.safety import AddressRule, PrivateAddressRefused, is_refusal
from citeaudit.settings import ServiceSettings
from tests.test_r2b_backends_refused import Listener


@pytest.fixture
def process_backends(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's backends restored after the test."""
    monkeypatch.setattr(service_backends, "backends", service_backends.backends)
    yield


@pytest.fixture
def api() -> Iterator[Listener]:
    listener = Listener()
    yield listener
    listener.close()


def _reached(rule: AddressRule, url: str) -> bool:
    with pinned_client(rule, timeout=2.0) as client:
        try:
            client.get(url)
        except Exception as exc:  # the refusal, as httpx's ConnectError
            assert is_refusal(exc), exc
            return False
    return True


@pytest.mark.parametrize("bound", ["127.0.0.1", "0.0.0.0", "::1", "[::]"])
def test_refuse_listener_refuses_the_port_on_every_address_of_this_machine(
    bound: str, process_backends: None
) -> None:
    backends.refuse_listener(bound, 8765)
    assert any(b.setting == "own_services" and b.port == 8765 for b in service_backends.backends)
    rule = AddressRule(allow_private=True, allow_own_machine=True)
    for address in ("127.0.0.1", "::1", "0.0.0.0"):
        with pytest.raises(PrivateAddressRefused, match="own services"):
            rule.check(address, 8765, [address])
    rule.check("127.0.0.1", 8766, ["127.0.0.1"])  # the rest of this machine: allowed


def test_refuse_listener_reaches_no_api(api: Listener, process_backends: None) -> None:
    rule = AddressRule(allow_private=True, allow_own_machine=True)
    assert _reached(rule, api.url("/control")) and api.connections == 1  # the premise
    backends.refuse_listener("127.0.0.1", api.port)
    assert Backend("own_services", "127.0.0.1", api.port) in service_backends.backends
    assert not _reached(rule, api.url("/api/v1/audits"))
    assert api.connections == 1


def test_serve_refuses_the_port_it_serves_on(
    api: Listener, process_backends: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import uvicorn

    from citeaudit import server
    from citeaudit.cli import service

    ran: list[dict[str, Any]] = []
    settings = ServiceSettings(allow_own_machine=True, data_dir=tmp_path, cache_dir=tmp_path)
    monkeypatch.setattr(service, "_settings", lambda: settings)
    monkeypatch.setattr(server, "create_app", lambda s: "app")
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: ran.append(kwargs))
    args = argparse.Namespace(host="127.0.0.1", port=api.port, log_level="info")
    assert service.run_serve(args) == 0
    assert ran and ran[0]["port"] == api.port
    rule = AddressRule(allow_private=True, allow_own_machine=True)
    assert not _reached(rule, api.url("/api/v1/audits"))
    assert api.connections == 0
