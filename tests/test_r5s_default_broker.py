"""The broker a worker falls back to is one of our backends, named or not.

With no ``CITEAUDIT_BROKER_URL``, ``workers/celery_app.py`` connects the worker to
``redis://127.0.0.1:6379/0``. The backends refused whatever else is allowed were only
the ones the environment names, so a deployment that let link checks reach this
machine (``CITEAUDIT_ALLOW_OWN_MACHINE``, its intranet on the same host) had a
manuscript's ``http://127.0.0.1:6379/`` sent to the broker holding every queued task.
A process now declares a backend it uses that no setting names
(`backends.refuse_in_process`; the worker's module does, with the broker it uses: the
lead's diff r5s-default-broker-celery), and it is refused as a named broker is, on
every address of this machine at its port; the rest of this machine stays reachable
where allowed.

No listener is needed on 6379 (the test Redis may be there): the refusal comes before
any connection, and says so.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.links import backends
from citeaudit.links.backends import Backend, service_backends
from citeaudit.links.safety import AddressRule, PrivateAddressRefused, is_own_machine

BROKER = Backend("broker_url", "127.0.0.1", 6379)
WORKER = Path(__file__).resolve().parents[1] / "workers" / "celery_app.py"


@pytest.fixture
def process_backends(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's backends restored after the test."""
    monkeypatch.setattr(service_backends, "backends", service_backends.backends)
    yield


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "::ffff:127.0.0.1", "0.0.0.0"])
def test_a_backend_the_process_declares_is_refused_with_this_machine_allowed(
    address: str, process_backends: None
) -> None:
    backends.refuse_in_process("broker_url", backends.DEFAULT_BROKER_URL)
    assert BROKER in service_backends.backends
    rule = AddressRule(allow_private=True, allow_own_machine=True)  # the default backends
    with pytest.raises(PrivateAddressRefused) as caught:
        rule.check(address, 6379, [address])
    assert "broker_url" in str(caught.value)
    rule.check(address, 8080, [address])  # the rest of this machine: allowed here
    assert is_own_machine(ipaddress.ip_address(address))


def test_declaring_twice_adds_once(process_backends: None) -> None:
    before = len(service_backends.backends)
    backends.refuse_in_process("broker_url", backends.DEFAULT_BROKER_URL)
    backends.refuse_in_process("broker_url", backends.DEFAULT_BROKER_URL)
    assert len(service_backends.backends) <= before + 1


def test_the_worker_declares_the_broker_it_falls_back_to() -> None:
    source = WORKER.read_text("utf-8")
    if "refuse_in_process" not in source:
        pytest.skip("the worker's declaration is the lead's diff (r5s-default-broker-celery)")
    assert '"redis://127.0.0.1:6379/0"' not in source  # one constant, no second copy
    assert "DEFAULT_BROKER_URL" in source
