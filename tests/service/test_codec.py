"""The one codec: every typed value of an audit round-trips exactly, and is writable."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

from citeaudit.audit_data import AuditResult, NetworkResults
from citeaudit.links.cache import LinkCache
from citeaudit.model import LinkCheck, LinkOutcome, Location
from citeaudit.model.codec import from_data, from_json, to_data, to_json
from citeaudit.service.relocate import relocate
from tests.report.test_json_golden import rich_result


def test_an_audit_result_round_trips_exactly() -> None:
    result = rich_result()
    data = to_data(result)
    assert json.loads(json.dumps(data)) == data  # plain JSON values only
    assert from_data(AuditResult, data) == result
    assert from_json(AuditResult, to_json(result)) == result


def test_data_from_an_input_file_is_made_writable() -> None:
    where = Location("a\ud800b\x00c.md", 3)
    assert to_data(where)["file"] == "a\ufffdb\ufffdc.md"
    to_json(where).encode("utf-8")  # no lone surrogate left to refuse


def test_rows_written_before_defaults_were_added_still_load() -> None:
    old = {"file": "paper.md", "line": 3, "column": 7}  # the JSON report's location
    assert from_data(Location, old) == Location("paper.md", 3, 7)
    assert from_data(NetworkResults, {}) == NetworkResults()


def test_the_link_cache_keeps_a_check_without_the_audit_references(tmp_path: Path) -> None:
    cache = LinkCache(tmp_path, max_age=60)
    (check, _) = rich_result().data.links
    cache.put_many([("k", check)], now=0)
    # the verdict alone: no references, no date or tries of the audit that made it
    served = dataclasses.replace(
        check, reference_ids=(), attempts=1, checked_at="1970-01-01T00:00:01+00:00"
    )
    assert cache.get_many(["k"], now=1) == {"k": served}


def test_a_record_the_cache_cannot_read_is_a_miss(tmp_path: Path) -> None:
    cache = LinkCache(tmp_path, max_age=60)
    cache.put_many([("k", LinkCheck("https://e.org", LinkOutcome.OK))], now=0)
    with sqlite3.connect(cache.path) as db:
        db.execute("UPDATE answers SET body = ?", ('{"url": 1, "hops": [["a", 301]]}',))
    db.close()
    assert cache.get_many(["k"], now=1) == {}


def test_relocate_removes_the_scratch_folder_from_every_string() -> None:
    result = rich_result()
    moved = dataclasses.replace(
        result.data,
        resolutions={"/tmp/x/smith2019": result.data.resolutions["smith2019"]},
    )
    found = dataclasses.replace(result.findings[0], message="read /tmp/x/refs.bib")
    back = relocate(AuditResult(moved, (found,)), "/tmp/x/")
    assert set(back.data.resolutions) == {"smith2019"}
    assert back.findings[0].message == "read refs.bib"
    assert back.data.references == result.data.references  # nothing else touched
