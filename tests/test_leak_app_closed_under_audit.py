"""leak: the API closed while an embedded audit held a store connection left it open.

The app's lifespan stopped the embedded dispatcher without waiting (an audit runs for
minutes) and disposed the engine at once. A connection the running audit had checked
out then went back, when the audit let go of it, to a pool no engine owned any more:
it stayed open until the garbage collector found it, and on PostgreSQL psycopg's
``__del__`` warned "connection ... was deleted while still open" -- in whichever later
test the collector ran (a clean-clone CI run failed so, in a memory test of another
file; found again in test_svc31_submission_off_loop's PostgreSQL case, under load,
when its audit outlived the app). With /work/helpers/leak-1.diff the engine is
disposed once the running audits have ended.

Shown on SQLite, where the same pool does the same (only psycopg warns): an audit's
step holds a connection across the app's close; once the audit has ended, that
connection is closed. The waits are bounded liveness, not timing.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from citeaudit.server import create_app
from citeaudit.service.jobs import Jobs
from tests.redteam.offline_service import offline_settings

WAIT = 10.0  # seconds a step waits for the one before, at most


def test_a_connection_held_across_the_apps_close_is_closed_after_the_audit(
    tmp_path: Path, migrated_sqlite: Callable[[Path], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    holding, release, closed = threading.Event(), threading.Event(), threading.Event()
    held: list[sqlite3.Connection] = []
    parse = Jobs.parse

    def holding_parse(self: Jobs, audit_id: str, stage: Any = None) -> Any:
        with self.repo.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
            held.append(conn.connection.dbapi_connection)  # type: ignore[arg-type]
            holding.set()
            release.wait(WAIT)  # the app closes meanwhile
        return parse(self, audit_id, stage)

    monkeypatch.setattr(Jobs, "parse", holding_parse)
    settings = offline_settings(
        tmp_path, database_url=migrated_sqlite(tmp_path / "store.db"), embedded_workers=1
    )
    app = create_app(settings)
    try:
        with TestClient(app) as client:
            repo = app.state.repo

            def closing(dbapi_connection: Any, _record: Any) -> None:
                if held and dbapi_connection is held[0]:
                    closed.set()

            event.listen(repo.engine, "close", closing)  # the pool's, kept across dispose
            token = repo.create_token("closing")
            answer = client.post(
                "/api/v1/audits",
                headers={"Authorization": f"Bearer {token}"},
                files={"bibliography": ("a.bib", b"@misc{k, title={T}, year={2001}}\n")},
                data={"offline": "true"},
            )
            assert answer.status_code == 202, answer.text
            assert holding.wait(WAIT), "the audit never started"
        # The app is closed (lifespan done); the audit still holds its connection.
        release.set()
        app.state.dispatcher.pool.shutdown(wait=True)  # the audit has ended
        assert closed.wait(WAIT), "the audit's connection was left open for the collector"
    finally:
        release.set()
        app.state.dispatcher.pool.shutdown(wait=True)
        if not closed.is_set():
            for raw in held:
                raw.close()  # the leak shown, not left to the next test
        app.state.repo.engine.dispose()
