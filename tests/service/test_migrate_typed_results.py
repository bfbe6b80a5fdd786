"""Audits finished before results were stored typed still load after migrating.

A database at revision 0003 keeps each finished audit's reports rendered; 0004 keeps
the codec's `AuditResult` instead. An audit stored the old way, in real PostgreSQL,
comes back typed and renders the same JSON report it had.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy import text

from citeaudit.audit_data import AuditResult
from citeaudit.report.html import HtmlReporter
from citeaudit.report.json import JsonReporter
from citeaudit.store.db import make_engine
from citeaudit.store.migrate import upgrade
from citeaudit.store.repository import Repository
from tests.report.test_json_golden import rich_result


def _old_audit(engine_url: str, report: str) -> str:
    engine = make_engine(engine_url)
    upgrade(engine, "0003")
    with engine.begin() as db:
        db.execute(text("INSERT INTO accounts (id, name, created_at) VALUES (1, 'a', now())"))
        db.execute(
            text(
                "INSERT INTO audits (id, account_id, status, phase, progress_done,"
                " progress_total, options, attempts, created_at, updated_at, undispatched)"
                " VALUES ('old', 1, 'done', 'done', 0, 0, '{}', 0, now(), now(), false)"
            )
        )
        for fmt, media, body in (("json", "application/json", report), ("text", "t", "x")):
            db.execute(
                text("INSERT INTO reports VALUES ('old', :f, :m, :b)"),
                {"f": fmt, "m": media, "b": body},
            )
    engine.dispose()
    return "old"


def test_an_audit_stored_as_reports_loads_typed_after_migrating(empty_pg_url: str) -> None:
    before = dataclasses.replace(rich_result(), suppressed=())  # the service suppresses none
    report = JsonReporter().render(before)
    audit_id = _old_audit(empty_pg_url, report)

    engine = make_engine(empty_pg_url)
    upgrade(engine)
    try:
        after = Repository(engine).result(audit_id)
        assert isinstance(after, AuditResult)
        assert JsonReporter().render(after) == report  # everything the report showed
        assert after.findings == before.findings
        assert after.data.resolutions == before.data.resolutions
        assert after.data.links == before.data.links
        assert [r.id for r in after.data.references] == [r.id for r in before.data.references]
        assert "On Things" in HtmlReporter().render(after)
        with engine.connect() as db:
            tables = db.execute(text("SELECT tablename FROM pg_tables")).scalars().all()
        assert "reports" not in tables
    finally:
        engine.dispose()
