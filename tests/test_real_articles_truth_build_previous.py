"""The corpus builder's previous corpus when it builds into a new folder.

The previous corpus fixes every article's split and keeps the records of sources whose
snapshot is not on the machine. Built with `--out` a new folder, the builder read the
new folder's (absent) corpus as "no previous corpus" and went on: splits drawn afresh,
unfetched sources' records dropped, nothing said. The corpora here are made up.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

BENCHES = Path(__file__).resolve().parent.parent / "benches"
sys.path.insert(0, str(BENCHES))

import real_articles_build as build  # noqa: E402


def _corpus(path: Path, ids: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for article_id in ids:
            fh.write(json.dumps({"id": article_id, "split": "test"}) + "\n")
    return path


def test_a_new_folder_without_a_previous_corpus_is_refused(tmp_path: Path) -> None:
    problem = build.previous_problem(None, tmp_path / "new")
    assert "--previous" in problem


def test_a_named_previous_corpus_that_is_not_there_is_refused(tmp_path: Path) -> None:
    assert build.previous_problem(tmp_path / "absent.jsonl.gz", tmp_path / "new")


def test_a_named_previous_corpus_is_read_instead_of_the_new_folders(tmp_path: Path) -> None:
    named = _corpus(tmp_path / "committed" / "corpus.jsonl.gz", ["x/one", "x/two"])
    assert build.previous_problem(named, tmp_path / "new") == ""
    assert [r["id"] for r in build.previous_records(named)] == ["x/one", "x/two"]


def test_a_folder_that_holds_a_corpus_is_its_own_previous(tmp_path: Path) -> None:
    _corpus(tmp_path / "out" / "corpus.jsonl.gz", ["x/one"])
    assert build.previous_problem(None, tmp_path / "out") == ""


def test_the_committed_folder_may_start_empty() -> None:
    # The committed folder is where a first build writes; an absent file there is a
    # corpus built from nothing, not a mistake.
    assert build.previous_problem(None, build.OUT) == ""
