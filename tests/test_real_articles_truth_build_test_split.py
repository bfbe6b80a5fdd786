"""A rebuild (`--rebuild`) reads the test split's sources again but never changes which
articles test holds.

Read again, a test source gave a record the readers now drop (a fixture the screen
learned to recognise) and, with that fixture's DOI no longer taken, a new article whose
id hashed to test: test lost one article and gained another. The records here are made
up.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

BENCHES = Path(__file__).resolve().parent.parent / "benches"
sys.path.insert(0, str(BENCHES))

import real_articles_build as build  # noqa: E402


def _rec(article_id: str, split: str, text: str = "old") -> dict[str, Any]:
    return {
        "id": article_id,
        "group": article_id.split("~")[0],
        "split": split,
        "doi": f"10.1/{article_id}",
        "title": f"Title of {article_id}",
        "source": {"repo": "made/up", "path": f"{article_id}.xml", "commit": "0" * 40},
        "t": text,
    }


def test_a_new_article_does_not_enter_test() -> None:
    kept = [_rec("j/one", "test"), _rec("j/two", "dev")]
    built = [_rec("j/one", "test", "new"), _rec("j/two", "dev", "new"), _rec("j/three", "test")]
    skipped: Counter[str] = Counter()
    held = build.hold_test_membership(built, kept, skipped)
    assert sorted(r["id"] for r in held) == ["j/one", "j/two"]
    assert sum(skipped.values()) == 1


def test_a_new_translation_of_a_test_article_does_not_enter_test() -> None:
    kept = [_rec("j/one", "test")]
    built = [_rec("j/one", "test", "new"), _rec("j/one~en", "test", "new")]
    held = build.hold_test_membership(built, kept, Counter())
    assert [r["id"] for r in held] == ["j/one"]


def test_a_new_article_whose_hash_says_dev_enters_dev() -> None:
    kept = [_rec("j/one", "test")]
    built = [_rec("j/one", "test", "new"), _rec("j/four", "dev")]
    held = build.hold_test_membership(built, kept, Counter())
    assert sorted(r["id"] for r in held) == ["j/four", "j/one"]


def test_a_test_article_the_readers_now_drop_is_kept_as_it_was() -> None:
    kept = [_rec("j/one", "test"), _rec("j/gone", "test"), _rec("j/dev-gone", "dev")]
    built = [_rec("j/one", "test", "new")]
    held = {r["id"]: r for r in build.hold_test_membership(built, kept, Counter())}
    assert sorted(held) == ["j/gone", "j/one"]
    assert held["j/gone"]["t"] == "old"  # verbatim
    assert held["j/one"]["t"] == "new"  # the rebuilt record where there is one


def test_a_rebuilt_record_keeps_its_new_truth() -> None:
    kept = [_rec("j/one", "test")]
    built = [_rec("j/one", "test", "new")]
    assert [r["t"] for r in build.hold_test_membership(built, kept, Counter())] == ["new"]
