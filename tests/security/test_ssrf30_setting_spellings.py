"""Our own backend variables are refused in every case the settings read them in.

Red team (ssrf30). pydantic-settings matches ``CITEAUDIT_*`` names case-insensitively:
a deployment that writes ``citeaudit_redis_url=redis://redis:6379/0`` (a lower-case
compose or Helm habit) runs its service on that Redis. `backends.backends_from_environ`
read only ``CITEAUDIT_REDIS_URL``, so `service_backends` -- what every client that
judges by the environment alone uses: the registries' clients (doi.org, DataCite,
Crossref), webhooks -- named no Redis, and with private networks and this machine
allowed, a request to it was made.

Each backend is a real loopback listener counting the connections it accepts.
"""

from __future__ import annotations

import pytest

from citeaudit.links.backends import Backend, BackendAddresses, backends_from_environ
from citeaudit.links.pinned import pinned_client
from citeaudit.links.safety import AddressRule, is_refusal
from citeaudit.settings import ServiceSettings
from tests.test_r2b_backends_refused import Listener

SPELLINGS = {
    "lower case": ("citeaudit_redis_url", "redis_url"),
    "mixed case": ("Citeaudit_Broker_Url", "broker_url"),
    "upper prefix": ("CITEAUDIT_database_url", "database_url"),
    "own services": ("citeaudit_own_services", "own_services"),
}


def _value(setting: str, port: int) -> str:
    if setting == "database_url":
        return f"postgresql+psycopg://audit:made-up@127.0.0.1:{port}/audits"
    if setting == "own_services":
        return f"127.0.0.1:{port}"
    return f"redis://127.0.0.1:{port}/0"


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_the_settings_read_the_variable_in_that_case(
    spelling: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The premise: the service runs on the backend the variable names."""
    name, setting = SPELLINGS[spelling]
    monkeypatch.setenv(name, _value(setting, 6390))
    settings = ServiceSettings()
    assert getattr(settings, setting) == _value(setting, 6390)


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_backends_from_environ_reads_every_case(spelling: str) -> None:
    name, setting = SPELLINGS[spelling]
    assert Backend(setting, "127.0.0.1", 6390) in backends_from_environ(
        {name: _value(setting, 6390)}
    )


def test_every_spelling_counts_and_the_smtp_port_too() -> None:
    environ = {
        "CITEAUDIT_REDIS_URL": "redis://a.example:6379/0",
        "citeaudit_redis_url": "redis://b.example:6380/0",
        "citeaudit_smtp_host": "relay.example",
        "citeaudit_smtp_port": "2525",
        "NOT_CITEAUDIT_REDIS_URL": "redis://c.example:6379/0",
    }
    assert set(backends_from_environ(environ)) == {
        Backend("redis_url", "a.example", 6379),
        Backend("redis_url", "b.example", 6380),
        Backend("smtp_host", "relay.example", 2525),
        # Not ours by its name, a backend by its value: a Redis URL under any variable
        # names one of the deployment's backends (rt37s: library_backends.BACKEND_SCHEMES).
        Backend("redis_url", "c.example", 6379),
    }


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_registry_or_webhook_client_refuses_the_backend(spelling: str, backend: Listener) -> None:
    """The synchronous clients judge by the environment's backends alone."""
    name, setting = SPELLINGS[spelling]
    environ = {name: _value(setting, backend.port)}
    rule = AddressRule(
        allow_private=True,
        allow_own_machine=True,
        backends=BackendAddresses(backends_from_environ(environ)),
    )
    with pinned_client(rule, timeout=2.0) as client:
        try:
            client.get(backend.url("/works"))
        except Exception as exc:  # the refusal, as httpx's ConnectError
            assert is_refusal(exc), exc
        else:
            pytest.fail("the client reached the backend")
    assert backend.connections == 0


def test_a_relay_written_with_its_port_and_smtp_port_zero(backend: Listener) -> None:
    """smtplib reads ``relay:2525`` as host and port where the port is 0: so do we."""
    import smtplib

    smtp = smtplib.SMTP(timeout=2.0)
    with pytest.raises(smtplib.SMTPServerDisconnected):  # an HTTP listener, no greeting
        smtp.connect(f"127.0.0.1:{backend.port}", 0)
    smtp.close()
    assert backend.connections == 1  # the premise: smtplib connected there
    environ = {"CITEAUDIT_SMTP_HOST": f"127.0.0.1:{backend.port}", "CITEAUDIT_SMTP_PORT": "0"}
    assert backends_from_environ(environ) == (Backend("smtp_host", "127.0.0.1", backend.port),)
    rule = AddressRule(
        allow_private=True,
        allow_own_machine=True,
        backends=BackendAddresses(backends_from_environ(environ)),
    )
    with pinned_client(rule, timeout=2.0) as client:
        with pytest.raises(Exception) as caught:
            client.get(backend.url("/"))
        assert is_refusal(caught.value)
    assert backend.connections == 1
