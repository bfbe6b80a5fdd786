"""Loopback servers for the SSRF red-team modules (``test_redteam_ssrf_*.py``).

`intranet` is a private service of the reader's network (127.0.0.1: it counts every
connection, so a test asserts that nothing reached it), `public` a public web server
(127.0.0.2, the one address `ssrf_loopback.only_127_0_0_2_is_public` lets through),
`intranet_site` a web server of the reader's network (127.0.0.3), `relay` an SMTP
relay; `backend` and `intranet_listener` are bare listeners of 127.0.0.1 that count
connections (`tests.test_r2b_backends_refused.Listener`): one of our own services, and
a page of the intranet beside it. Imported when asked for: the other modules of this
folder load none of it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from tests.security.ssrf_loopback import Relay
    from tests.security.test_ssrf_hops import Hops
    from tests.stand_ins.private_service import PrivateService
    from tests.test_r2b_backends_refused import Listener


@pytest.fixture
def backend() -> Iterator[Listener]:
    from tests.test_r2b_backends_refused import Listener

    listener = Listener()
    yield listener
    listener.close()


@pytest.fixture
def intranet_listener() -> Iterator[Listener]:
    from tests.test_r2b_backends_refused import Listener

    listener = Listener()
    yield listener
    listener.close()


@pytest.fixture
def intranet() -> Iterator[PrivateService]:
    from tests.stand_ins.private_service import PrivateService

    service = PrivateService("127.0.0.1").start()
    yield service
    service.stop()


@pytest.fixture
def public() -> Iterator[Hops]:
    from tests.security.test_ssrf_hops import Hops

    server = Hops("127.0.0.2").start()
    yield server
    server.stop()


@pytest.fixture
def intranet_site() -> Iterator[Hops]:
    from tests.security.test_ssrf_hops import Hops

    server = Hops("127.0.0.3").start()
    yield server
    server.stop()


@pytest.fixture
def relay() -> Iterator[Relay]:
    from citeaudit.settings import ServiceSettings
    from tests.security.ssrf_loopback import Relay, running_relay

    with running_relay() as (port, inbox):
        yield Relay(port, ServiceSettings(smtp_host="127.0.0.1", smtp_port=port), inbox)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(
    request: pytest.FixtureRequest, tmp_path: Path, migrated_sqlite: Callable[[Path], str]
) -> Iterator[str]:
    """The service modules' store, once on SQLite and once on PostgreSQL (skipped without
    one; fails under CI=true: tests.need)."""
    if request.param == "sqlite":
        yield migrated_sqlite(tmp_path / "store.db")
        return
    if not os.environ.get("CITEAUDIT_TEST_DATABASE_URL"):
        from tests.need import missing

        missing("PostgreSQL not available (CITEAUDIT_TEST_DATABASE_URL unset)")
    from tests.service.conftest import fresh_database

    yield from fresh_database()


LOOKUPS = ("stat", "lstat", "readlink", "access")


@pytest.fixture
def looked_up(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every name `os.stat`, `os.lstat`, `os.readlink` and `os.access` are asked about
    (pathlib, `os.path` and our readers all go through them), in any thread."""
    names: list[str] = []

    def noting(original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(path: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(path, str | bytes | os.PathLike) and kwargs.get("dir_fd") is None:
                names.append(os.fsdecode(path))
            return original(path, *args, **kwargs)

        return wrapper

    for name in LOOKUPS:
        monkeypatch.setattr(os, name, noting(getattr(os, name)))
    yield names
