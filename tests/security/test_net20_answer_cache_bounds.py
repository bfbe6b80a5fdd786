"""The answers cache on disk stays within bounds of entries, bytes and age.

Class: every answer from the network (a link's check, a registry's record) is kept in
one SQLite file (`links.answers.AnswerStore`), and nothing was ever removed from it but
an entry too large to keep. An upload chooses how many distinct questions are asked:
a list of 100,000 URLs or DOIs (or a registry whose records are each near the 1 MB an
entry may be) grew the file by that much on every run, for every account of a
service, until the disk was full. Now the store forgets answers older than its
`max_age`, and its oldest answers past `max_entries` entries or `max_bytes` of data,
each checked after a bounded amount written (so the file stays near its bound).

Instances: many small answers (a long link list), fewer large ones (registry records),
answers spread over namespaces (links and registries share the file), answers that
aged past their keeping, and the defaults being finite.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from citeaudit.links import answers
from citeaudit.links.answers import AnswerStore, Stored


def _rows(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT count(*) FROM answers").fetchone()[0])


def test_a_long_list_of_small_answers_keeps_the_newest_within_the_entry_bound(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.sqlite3"
    store = AnswerStore(path, max_entries=500)
    for start in range(0, 5000, 250):  # as runs of a link list write them, in batches
        batch = [
            (f"https://x{i}.example/page", Stored('{"s":200}')) for i in range(start, start + 250)
        ]
        store.put_many("links", batch, now=1_000_000.0 + start)
    assert _rows(path) <= 500
    newest = store.get_many("links", [f"https://x{i}.example/page" for i in range(4750, 5000)])
    assert len(newest) == 250  # the last batch is kept whole
    oldest = store.get_many("links", [f"https://x{i}.example/page" for i in range(0, 250)])
    assert oldest == {}


def test_one_at_a_time_writes_are_bounded_too(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    store = AnswerStore(path, max_entries=50)
    for i in range(600):  # a registry's records, one DOI at a time
        store.put_many("crossref-work", [(f"10.1000/{i}", Stored("{}"))], now=5_000.0 + i)
    assert _rows(path) <= 50
    assert store.get_many("crossref-work", ["10.1000/599"])


def test_large_answers_keep_the_file_near_its_byte_bound(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    bound = 2 * 1024 * 1024
    store = AnswerStore(path, max_bytes=bound)
    record = "x" * (100 * 1024)  # 100 KB records: 40 MB asked in all
    for i in range(400):
        store.put_many("datacite", [(f"10.5281/{i}", Stored(record))], now=10.0 + i)
    assert path.stat().st_size <= 2 * bound
    assert store.get_many("datacite", ["10.5281/399"])  # the newest is still there


def test_namespaces_share_one_bound(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    store = AnswerStore(path, max_entries=100)
    for i in range(300):
        namespace = ("links", "handle", "crossref-work")[i % 3]
        store.put_many(namespace, [(f"k{i}", Stored("{}"))], now=float(i))
    assert _rows(path) <= 100


def test_answers_older_than_the_age_bound_are_forgotten(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    day = 24 * 3600.0
    store = AnswerStore(path, max_age=10 * day)
    store.put_many("links", [(f"old{i}", Stored("{}")) for i in range(50)], now=0.0)
    # Written long after: the old answers are past any freshness a caller keeps.
    for i in range(50):
        store.put_many("links", [(f"new{i}", Stored("{}"))], now=30 * day + i)
    assert store.get_many("links", [f"old{i}" for i in range(50)]) == {}
    assert len(store.get_many("links", [f"new{i}" for i in range(50)])) == 50


def test_an_existing_cache_past_its_bound_is_trimmed_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    AnswerStore(path).put_many("links", [(f"k{i}", Stored("{}")) for i in range(400)], now=1.0)
    AnswerStore(path, max_entries=100)  # a run with the bound opens last session's file
    assert _rows(path) <= 100


def test_the_default_bounds_are_finite() -> None:
    assert 0 < answers.MAX_ENTRIES <= 1_000_000
    assert 0 < answers.MAX_BYTES <= 1024**3
    # Longer than any freshness a caller keeps (registries' "found": 30 days).
    assert 30 * 24 * 3600 < answers.MAX_AGE <= 366 * 24 * 3600
