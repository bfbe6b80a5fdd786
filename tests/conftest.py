"""Suite-wide environment: what the whole test run, and every worker it starts, shares.

No test may send a question off the machine: the NAT64 prefixes (`links.nat64`) are
declared absent, so no process asks the system's resolver for ipv4only.arpa. Set
before any test module imports citeaudit; child processes inherit it. The NAT64 tests
ask their own name-server stand-in (`Nat64Prefixes.forget` + their lookup).
"""

import gc
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from tests.need import missing

if TYPE_CHECKING:
    from citeaudit.store.repository import Repository

os.environ.setdefault("CITEAUDIT_NAT64_PREFIXES", "none")


def pytest_collection_finish(session: pytest.Session) -> None:
    """What the collection made (every test module, its imports and parameters) is kept
    out of the collector's rounds: they live to the end anyway, and a session's 200,000
    and more objects made each full collection cost 0.1-0.3 s (the guard below runs one
    per test module)."""
    gc.collect()
    gc.freeze()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """A leak fails in the test module that made it, not in whichever test the collector
    happens to run in later.

    A socket, transport, file or database connection left to the garbage collector
    warns (ResourceWarning, an error here) when it is collected: two clean-clone runs
    failed so in tests of other files (an unclosed loopback transport; a PostgreSQL
    connection of an engine disposed under a running audit). One full collection after
    each module's last test, and after each test needing services (where the leaks
    were), with its unraisable warnings reported at once, names the leaking file.
    """
    last_of_module = nextitem is None or nextitem.path != item.path
    if not last_of_module and item.get_closest_marker("services") is None:
        return
    gc.collect()
    # What survived is kept out of the next rounds as the collection's objects are: each
    # full collection then walks only what the next module made. Without it, each walked
    # everything the worker still held: 2-13 s per test module under load, 4,600 s of a
    # loaded two-worker run (clean clone, idle: pytest 29.3 -> 18.1 min). Frozen objects
    # are still freed when their last reference goes; only a cycle among them is kept.
    gc.freeze()
    # pytest's own plugin reports what the collection found, in this test's teardown
    # (left to it, it would report them in the next test's setup)
    unraisable = item.config.pluginmanager.get_plugin("unraisableexception")
    report = getattr(unraisable, "collect_unraisable", None)
    if report is not None:
        report(item.config)


@pytest.fixture(autouse=True)
def _process_backends_restored() -> Iterator[None]:
    """Each test leaves the process's refused backends as it found them.

    `citeaudit serve` run in-process refuses the port it listens on in every rule of
    the process (`backends.refuse_listener`), on every address of this machine. That
    port is an ephemeral one in a test, free again when the test ends: a later test's
    loopback site given the same port (127.0.2.N:port) had all its links refused
    unasked, as our own service (CI: the watch scale test found 49 of its 50 hosts).
    """
    from citeaudit.links.backends import service_backends

    before = service_backends.backends
    yield
    with service_backends._lock:
        service_backends.backends = before


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], str]:
    """Puts an empty store, migrated to the newest schema, at a path; its URL back.

    Migrating a new SQLite file runs every migration (~0.6 s, most of an in-process
    app's start); they run once a session here, and each test gets a page-for-page
    copy (sqlite3's backup). The app still runs `upgrade` on it as it starts (then
    nothing to do); the migrations themselves are tested on their own.
    """
    from citeaudit.store import make_engine, upgrade

    template = tmp_path_factory.mktemp("migrated") / "template.db"
    engine = make_engine(f"sqlite:///{template}")
    upgrade(engine)
    engine.dispose()

    def place(path: Path) -> str:
        with sqlite3.connect(template) as source, sqlite3.connect(path) as copy:
            source.backup(copy)
        source.close()
        copy.close()
        return f"sqlite:///{path}"

    return place


@pytest.fixture
def repo(tmp_path: Path, migrated_sqlite: Callable[[Path], str]) -> Iterator["Repository"]:
    """A store of the test's own, in a migrated SQLite file (the watch and notification
    tests' store; a test module may define its own `repo`)."""
    from citeaudit.store import Repository, make_engine

    engine = make_engine(migrated_sqlite(tmp_path / "watch.db"))
    try:
        yield Repository(engine)
    finally:
        engine.dispose()


@pytest.fixture
def registry() -> Iterator[Any]:
    """The loopback registry stand-in (Crossref, DataCite and doi.org shapes:
    tests.stand_ins.registry_server), started for the test and stopped after it."""
    from tests.stand_ins.registry_server import RegistryStandIn

    server = RegistryStandIn().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def redis_client() -> Iterator[Any]:
    """A client of the test Redis server (CITEAUDIT_TEST_REDIS_URL's host, its default
    database), for the limiter tests that share budgets through it; skipped without one
    (fails under CI=true: tests.need)."""
    import redis

    server = urlsplit(os.environ.get("CITEAUDIT_TEST_REDIS_URL", "redis://127.0.0.1:6379"))
    client = redis.Redis(host=server.hostname, port=server.port or 6379, socket_timeout=1)
    try:
        client.ping()
    except (redis.RedisError, OSError):
        missing(f"no Redis on {server.netloc}")
    yield client
    client.close()
