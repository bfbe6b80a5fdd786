"""Every host a backend setting names is refused, however the URL lists it.

Red team (net23): the backends a deployment's settings name (`links.backends`) are
refused on every connection, private networks and this machine allowed or not. Two
ways of naming a host were read as no host, or as one host too few:

- a broker URL that lists failover brokers, ``redis://r1:6379/0;redis://r2:6379/0``
  (kombu, and so Celery, connects to each in turn): only the first was refused;
- a database URL whose hosts are in its query, as libpq and SQLAlchemy take them
  (``postgresql+psycopg://u:p@/audits?host=db1:5433&host=db2:5434``,
  ``?host=db1,db2&port=5433,5434``, ``?hostaddr=10.0.0.5&port=5433``): none was.

Each backend here is a real loopback listener counting the connections it accepts;
the deployment allows private networks and this machine (the rule's loosest), so the
backend refusal is the only thing between a manuscript's link and the listener.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from citeaudit.links.backends import Backend, backends_of
from citeaudit.links.policy import LinkPolicy
from citeaudit.model.link import LinkOutcome
from citeaudit.settings import ServiceSettings
from tests.test_r2b_backends_refused import FAST, Listener, _run


@pytest.fixture
def two() -> Iterator[tuple[Listener, Listener]]:
    first, second = Listener(), Listener()
    yield first, second
    first.close()
    second.close()


@pytest.fixture
def intranet() -> Iterator[Listener]:
    listener = Listener()
    yield listener
    listener.close()


def _settings(tmp_path: Path, **values: Any) -> ServiceSettings:
    return ServiceSettings(
        allow_private_networks=True,
        allow_own_machine=True,
        cache_dir=tmp_path,
        data_dir=tmp_path,
        **values,
    )


# Each names both listeners ({a} and {b} are their ports), as its library reads it.
SPELLINGS = {
    "broker failover list": ("broker_url", "redis://127.0.0.1:{a}/0;redis://127.0.0.1:{b}/0"),
    "broker failover, blanks": ("broker_url", "amqp://127.0.0.1:{a}// ; amqp://127.0.0.1:{b}//"),
    "sentinels": ("broker_url", "sentinel://127.0.0.1:{a};sentinel://127.0.0.1:{b}"),
    "redis failover list": ("redis_url", "redis://127.0.0.1:{a}/0;redis://127.0.0.1:{b}/0"),
    "query hosts (SQLAlchemy)": (
        "database_url",
        "postgresql+psycopg://u:p@/audits?host=127.0.0.1:{a}&host=127.0.0.1:{b}",
    ),
    "query hosts (libpq lists)": (
        "database_url",
        "postgresql://u:p@/audits?host=127.0.0.1,localhost&port={a},{b}",
    ),
    "query hostaddr": (
        "database_url",
        "postgresql://u@/audits?hostaddr=127.0.0.1,127.0.0.1&port={a},{b}",
    ),
    "authority and query": (
        "database_url",
        "postgresql://u:p@127.0.0.1:{a}/audits?host=127.0.0.1&port={b}",
    ),
}


@pytest.mark.parametrize("name", SPELLINGS)
def test_every_listed_backend_host_is_refused_unconnected(
    name: str, two: tuple[Listener, Listener], intranet: Listener, tmp_path: Path
) -> None:
    a, b = two
    setting, template = SPELLINGS[name]
    settings = _settings(tmp_path, **{setting: template.format(a=a.port, b=b.port)})
    policy = LinkPolicy.from_settings(settings, **FAST)
    assert policy.allow_private_networks and policy.allow_own_machine
    results = _run(policy, [a.url("/"), b.url("/keys"), intranet.url("/notes")])
    assert (a.connections, b.connections) == (0, 0), name
    for result in results[:2]:
        assert result.outcome is LinkOutcome.UNVERIFIED
        assert result.reason == "private-address"
    # The control: a private listener no setting names is still an intranet page.
    assert results[2].outcome is LinkOutcome.OK
    assert intranet.connections >= 1


def test_the_settings_name_each_listed_host() -> None:
    settings = ServiceSettings(
        broker_url="redis://r1:6379/0;redis://R2:6380/0",
        database_url="postgresql://u:p@/audits?host=db1,db2&port=5433,5434&hostaddr=10.0.0.9",
    )
    assert set(backends_of(settings)) == {
        Backend("broker_url", "r1", 6379),
        Backend("broker_url", "r2", 6380),
        Backend("database_url", "db1", 5433),
        Backend("database_url", "db2", 5434),
        Backend("database_url", "10.0.0.9", 5433),
    }


@pytest.mark.parametrize(
    ("value", "host"),
    [
        # A password may hold ";": the host after the last "@" is still read,
        # and nothing of the password becomes a host.
        ("redis://:pa;ss@cache:6379/0", "cache"),
        ("postgresql://u:p;host=x@db:5432/audits", "db"),
        # A unix socket's folder is no host.
        ("postgresql://u@/audits?host=/var/run/postgresql", None),
    ],
)
def test_passwords_and_sockets_name_no_stray_host(value: str, host: str | None) -> None:
    found = {b.host for b in backends_of(ServiceSettings(database_url=value, redis_url=None))}
    assert found == ({host} if host else set())
