"""The one answer cache of links and registries (links/answers.py)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.links.answers import AnswerStore, Stored
from citeaudit.resolve.cache import RegistryCache


def test_answers_round_trip_by_namespace_in_batches(tmp_path: Path) -> None:
    store = AnswerStore(tmp_path / "a" / "answers.sqlite3")
    keys = [f"https://example.org/{i}" for i in range(1200)]  # more than one query's batch
    store.put_many("link", [(k, Stored(f'"{k}"')) for k in keys], now=100.0)
    store.put_many("handle", [(keys[0], Stored("null", found=False, url="u"))], now=50.0)
    got = store.get_many("link", [*keys, "missing"])
    assert len(got) == 1200 and got[keys[7]] == Stored(f'"{keys[7]}"', True, "", 100.0)
    assert store.get_many("handle", keys[:2]) == {keys[0]: Stored("null", False, "u", 50.0)}
    store.forget("link", keys[:1000])
    assert len(store.get_many("link", keys)) == 200
    assert len(store.get_many("handle", keys)) == 1  # another namespace is untouched


def test_a_cache_that_cannot_work_is_a_miss(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    broken = AnswerStore(blocker / "answers.sqlite3")
    assert not broken.usable
    broken.put_many("link", [("k", Stored("1"))])
    assert broken.get_many("link", ["k"]) == {}
    store = AnswerStore(tmp_path / "answers.sqlite3")
    store.put_many("q", [("bad \ud800 key", Stored("1"))])  # hostile text in a query key
    assert store.get_many("q", ["bad \ud800 key"]) == {}


def test_registry_answers_keep_found_longer_than_not_found(tmp_path: Path) -> None:
    cache = RegistryCache(tmp_path, ttl=100, not_found_ttl=10)
    cache.put("crossref-work", "10.1/a", found=True, body={"title": ["A \ud800"]}, url="u")
    cache.put("crossref-work", "10.1/b", found=False, body=None)
    hit = cache.get("crossref-work", "10.1/a")
    assert hit is not None and hit.found and hit.body == {"title": ["A \ud800"]} and hit.url == "u"
    later = hit.stored_at + 50
    assert cache.get("crossref-work", "10.1/a", now=later) is not None
    assert cache.get("crossref-work", "10.1/b", now=later) is None
    assert cache.get("datacite", "10.1/a") is None  # per registry
    assert (tmp_path / "registry.sqlite3").is_file()
