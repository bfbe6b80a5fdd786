"""A batch of DOIs is kept in the disk cache in one write, not one write per DOI.

Each write is a SQLite transaction (a commit that waits for the disk), and the batches
of one run are answered on several threads: a reply of 100 records kept one by one
was 100 commits contending for one file's lock, seconds per batch on a busy disk.
Counted here, not timed: the cache's writes per reply, and that every record is kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from citeaudit.links.answers import AnswerStore
from citeaudit.resolve.cache import RegistryCache
from citeaudit.resolve.enricher import build_resolver
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.stand_ins.registry_server import RegistryStandIn


def _work(i: int) -> dict[str, Any]:
    return {
        "DOI": f"10.5555/kept.{i:03d}",
        "type": "journal-article",
        "title": [f"Made-up record number {i}"],
        "author": [{"given": "A.", "family": f"Keeper{i}", "sequence": "first"}],
        "issued": {"date-parts": [[2001]]},
    }


def test_one_batch_reply_is_one_cache_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    works = [_work(i) for i in range(40)]
    server = RegistryStandIn(works, [], {}).start()
    writes: list[tuple[str, int]] = []
    real = AnswerStore.put_many

    def counted(self: AnswerStore, namespace: str, answers: Any, now: Any = None) -> None:
        answers = list(answers)
        writes.append((namespace, len(answers)))
        real(self, namespace, answers, now)

    monkeypatch.setattr(AnswerStore, "put_many", counted)
    resolver = build_resolver(settings_for(server.url, tmp_path / "cache"), policy=FAST_RETRY)
    try:
        # 36 that the registry holds and 4 it does not: one filter request
        refs = [ref(f"e{i}", doi=f"10.5555/kept.{i:03d}") for i in range(36)]
        refs += [ref(f"n{i}", doi=f"10.5555/absent.{i:03d}") for i in range(4)]
        resolver.resolve(refs)
    finally:
        resolver.close()
        server.stop()
    assert server.counts["crossref-batch"] == 1
    kept = [n for namespace, n in writes if namespace == "crossref-work"]
    assert kept == [40]  # one write holding every answer of the reply
    cache = RegistryCache(tmp_path / "cache" / "registry", ttl=1e9, not_found_ttl=1e9)
    found = [cache.get("crossref-work", f"10.5555/kept.{i:03d}") for i in range(36)]
    absent = [cache.get("crossref-work", f"10.5555/absent.{i:03d}") for i in range(4)]
    assert [f is not None and f.found for f in found] == [True] * 36
    assert [a is not None and not a.found for a in absent] == [True] * 4
