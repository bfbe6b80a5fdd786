"""The backends the service's libraries take from their own environment are refused.

Red team (ssrf28): the address rule refuses the service's own backends whatever else
it allows (`links.backends`), by the hosts our settings name (CITEAUDIT_BROKER_URL,
CITEAUDIT_DATABASE_URL...). Celery reads ``CELERY_BROKER_URL`` (and its read/write
twins, and ``CELERY_RESULT_BACKEND``) before the broker it is given, and libpq reads
``PGHOST``/``PGHOSTADDR``/``PGPORT`` where the database URL names no host: a
deployment that sets them (a common compose habit) had its workers use a broker or
database the rule did not know, and with private networks and this machine allowed a
manuscript's link reached it. `library_backends` reads them; /work/helpers/ssrf28-1.diff
has `backends_from_environ` refuse what they name.

Each backend is a real loopback listener counting the connections it accepts; the
policy allows private networks and this machine (the rule's loosest), so the backend
refusal is all that stands between the link and the listener. The environment is a
dict handed to `backends_from_environ`, never this process's own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.links.backends import Backend, backends_from_environ
from citeaudit.links.library_backends import library_settings
from citeaudit.model.link import LinkOutcome
from tests.security.backend_checks import (
    assert_refused_beside_the_intranet,
    assert_webhook_refused,
    environ_policy,
)
from tests.test_r2b_backends_refused import Listener, _run

# Each names the listener's port ({port}) on loopback, as the library's variable does.
ENVIRONMENTS = {
    "CELERY_BROKER_URL": {"CELERY_BROKER_URL": "redis://127.0.0.1:{port}/0"},
    "CELERY_BROKER_READ_URL": {"CELERY_BROKER_READ_URL": "amqp://guest@127.0.0.1:{port}//"},
    "CELERY_BROKER_WRITE_URL": {"CELERY_BROKER_WRITE_URL": "redis://127.0.0.1:{port}/1"},
    "CELERY_RESULT_BACKEND": {"CELERY_RESULT_BACKEND": "redis://127.0.0.1:{port}/2"},
    "PGHOST and PGPORT": {"PGHOST": "127.0.0.1", "PGPORT": "{port}"},
    "PGHOSTADDR and PGPORT": {"PGHOSTADDR": "127.0.0.1", "PGPORT": "{port}"},
    "PGHOST list": {"PGHOST": "/var/run/postgresql,localhost", "PGPORT": "5432,{port}"},
}


def _environ(name: str, port: int) -> dict[str, str]:
    # What the rest of the deployment says: our own settings name another broker.
    environ = {"CITEAUDIT_BROKER_URL": "redis://127.0.0.1:1/0"}
    environ.update({k: v.format(port=port) for k, v in ENVIRONMENTS[name].items()})
    return environ


def test_celery_connects_to_the_broker_its_own_variable_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The premise: the broker a Celery app is given loses to CELERY_BROKER_URL."""
    from celery import Celery

    monkeypatch.setenv("CELERY_BROKER_URL", "amqp://rabbitmq.example:5672//")
    app = Celery("ssrf28", broker="redis://127.0.0.1:6379/0")
    try:
        assert app.conf.broker_url == "amqp://rabbitmq.example:5672//"
    finally:
        app.close()


def test_the_libraries_variables_are_read_as_the_settings_they_stand_for() -> None:
    environ = {
        "CELERY_BROKER_URL": "amqp://u:p@mq:5672//",
        "CELERY_RESULT_BACKEND": "redis://results:6380/0",
        "PGHOST": "/var/run/postgresql,db1,db2",
        "PGPORT": "5432,5433,5434",
        "PATH": "/usr/bin",
    }
    assert library_settings(environ) == (
        ("broker_url", "amqp://u:p@mq:5672//"),
        ("result_backend", "redis://results:6380/0"),
        (
            "database_url",
            "postgresql://?host=%2Fvar%2Frun%2Fpostgresql%2Cdb1%2Cdb2&port=5432%2C5433%2C5434",
        ),
    )
    assert library_settings({"PGPORT": "5433"}) == ()  # a port alone names no host
    assert library_settings({}) == ()


def test_backends_from_environ_names_what_the_libraries_read() -> None:
    environ = {
        "CELERY_BROKER_URL": "amqp://u:p@mq:5672//",
        "PGHOST": "/var/run/postgresql,db1",
        "PGPORT": "5432,5433",
    }
    assert set(backends_from_environ(environ)) == {
        Backend("broker_url", "mq", 5672),
        Backend("database_url", "db1", 5433),
    }


@pytest.mark.parametrize("name", ENVIRONMENTS)
def test_a_backend_named_by_a_librarys_variable_is_refused_unconnected(
    name: str, backend: Listener, intranet_listener: Listener, tmp_path: Path
) -> None:
    policy = environ_policy(tmp_path, _environ(name, backend.port))
    assert_refused_beside_the_intranet(policy, backend, intranet_listener, "/api/queues", name)


@pytest.mark.parametrize("name", ENVIRONMENTS)
def test_the_intranet_is_still_reached_with_the_librarys_variables_set(
    name: str, backend: Listener, intranet_listener: Listener, tmp_path: Path
) -> None:
    """Guard (passes before and after): only the named backend is refused."""
    policy = environ_policy(tmp_path, _environ(name, backend.port))
    results = _run(policy, [intranet_listener.url("/notes")])
    assert results[0].outcome is LinkOutcome.OK
    assert intranet_listener.connections >= 1


def test_a_webhook_or_registry_client_refuses_the_celery_broker(backend: Listener) -> None:
    environ = {"CELERY_BROKER_URL": f"redis://127.0.0.1:{backend.port}/0"}
    assert_webhook_refused(environ, backend, "broker")
