"""leak: the watch commands left their store's engine to the garbage collector.

`citeaudit watch list`, `watch remove`, `recheck` and `changes` made an engine, ran,
and returned without disposing it; `watch add` disposed its own only on success (its
refusals, exit 2, raise). A command ends its process, so only the tests saw it: they
run commands in their own process (`tests.in_process_cli.run_cli`), and each left a
pooled connection open until the collector found it -- on PostgreSQL psycopg warns
"connection ... was deleted while still open", in whichever later test it ran. With
/work/helpers/leak-2.diff each command's store is disposed however it ends.

Counted: the connections still pooled, after the command, in every engine it made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.in_process_cli import run_cli

COMMANDS = [
    ("watch", "list"),
    ("watch", "remove", "no-such-audit"),  # exit 2
    ("watch", "add", "--audit", "no-such-audit"),  # refused: exit 2
    ("changes", "no-such-audit"),  # exit 2
    ("recheck", "--no-deliver"),  # nothing due: nothing reaches the network
]


@pytest.fixture
def engines(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Every engine the command makes (`citeaudit.store.make_engine`), disposed after."""
    from citeaudit.store import db

    made: list[Any] = []
    make = db.make_engine

    def recording(url: str) -> Any:
        engine = make(url)
        made.append(engine)
        return engine

    monkeypatch.setattr(db, "make_engine", recording)
    yield made
    for engine in made:
        engine.dispose()


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_a_watch_command_leaves_no_connection_open(
    tmp_path: Path,
    migrated_sqlite: Callable[[Path], str],
    engines: list[Any],
    args: tuple[str, ...],
) -> None:
    env = {
        "CITEAUDIT_DATABASE_URL": migrated_sqlite(tmp_path / "store.db"),
        "CITEAUDIT_CACHE_DIR": str(tmp_path / "cache"),
        "CITEAUDIT_CROSSREF_URL": "http://127.0.0.1:9",
        "CITEAUDIT_DATACITE_URL": "http://127.0.0.1:9",
        "CITEAUDIT_DOI_URL": "http://127.0.0.1:9",
        "CITEAUDIT_ARCHIVE_URL": "http://127.0.0.1:9",
    }
    ran = run_cli(env, *args)
    assert ran.returncode in (0, 2), ran.stderr
    assert engines, "the command made no engine"
    assert [e.pool.checkedin() for e in engines] == [0] * len(engines), (
        "a command left its store's connections open for the collector"
    )
