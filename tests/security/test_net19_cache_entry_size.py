"""A network answer too large to be worth keeping is not kept on disk.

Before: the cache of links and registries (`links.answers.AnswerStore`) kept every
answer whole: a registry record up to the 16 MB a registry answer may be, once for
each DOI and bibliographic query of an upload, in a cache folder every later audit
shares. Now an answer past `MAX_KEPT` characters is asked again next time instead
(and an older answer under its key is forgotten: never served in its place).
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.links.answers import MAX_KEPT, AnswerStore, Stored
from citeaudit.resolve.cache import RegistryCache


def test_an_answer_past_the_bound_is_not_kept_and_forgets_the_older(tmp_path: Path) -> None:
    store = AnswerStore(tmp_path / "a.sqlite3")
    store.put_many("ns", [("k", Stored('"small"')), ("other", Stored('"kept"'))])
    store.put_many("ns", [("k", Stored('"' + "x" * MAX_KEPT + '"'))])
    kept = store.get_many("ns", ["k", "other"])
    assert set(kept) == {"other"}


def test_a_registry_record_past_the_bound_is_asked_again(tmp_path: Path) -> None:
    cache = RegistryCache(tmp_path, ttl=3600, not_found_ttl=3600)
    huge = {"DOI": "10.1000/x", "title": ["t" * MAX_KEPT]}
    cache.put("crossref-work", "10.1000/x", found=True, body=huge)
    cache.put("crossref-work", "10.1000/y", found=True, body={"DOI": "10.1000/y"})
    assert cache.get("crossref-work", "10.1000/x") is None
    small = cache.get("crossref-work", "10.1000/y")
    assert small is not None and small.body == {"DOI": "10.1000/y"}
