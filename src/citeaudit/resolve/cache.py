"""Registry answers kept on disk, as evidence and so re-audits send only what changed.

One answer per question (a DOI at one registry, one bibliographic query), holding
what the registry answered (its JSON), where and when, in the `AnswerStore` links
use too (`links/answers.py`: `registry.sqlite3` under the cache folder). Answers that
a work exists live `ttl` seconds; "not found" answers only `not_found_ttl`, because
DOIs get registered and records get deposited. Failures are never stored: "could not
ask" is no answer.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citeaudit.links.answers import MAX_AGE, AnswerStore, Stored

__all__ = ["Cached", "RegistryCache"]


@dataclass(frozen=True, slots=True)
class Cached:
    found: bool
    body: Any
    url: str
    stored_at: float


class RegistryCache:
    def __init__(
        self,
        root: Path,
        *,
        ttl: float,
        not_found_ttl: float,
        read: bool = True,
        write: bool = True,
    ) -> None:
        """`read=False` is ``--no-cache``: ask again, but keep the fresh answers."""
        self.root = root
        self.ttl = ttl
        self.not_found_ttl = not_found_ttl
        self.read = read
        self.write = write
        # Kept at least as long as they are fresh (`AnswerStore`'s age bound).
        self._answers = AnswerStore(
            root / "registry.sqlite3", max_age=max(MAX_AGE, ttl, not_found_ttl)
        )

    def get(self, namespace: str, key: str, *, now: float | None = None) -> Cached | None:
        if not self.read:
            return None
        kept = self._answers.get_many(namespace, [key]).get(key)
        if kept is None:
            return None
        ttl = self.ttl if kept.found else self.not_found_ttl
        if (time.time() if now is None else now) - kept.stored_at > ttl:
            return None
        try:
            body = json.loads(kept.body)
        except ValueError:
            return None
        return Cached(kept.found, body, kept.url, kept.stored_at)

    def put(self, namespace: str, key: str, *, found: bool, body: Any, url: str = "") -> None:
        self.put_many(namespace, [(key, found, body, url)])

    def put_many(self, namespace: str, answers: Iterable[tuple[str, bool, Any, str]]) -> None:
        """Keep `(key, found, body, url)` answers in one write: each write is a commit
        that waits for the disk and holds the file's lock, so the records of one batch
        reply go together (100 commits a reply were seconds on a busy disk)."""
        if not self.write:
            return
        kept: list[tuple[str, Stored]] = []
        for key, found, body, url in answers:
            try:
                text = json.dumps(body)  # ASCII: a lone surrogate is kept escaped
            except (TypeError, ValueError):
                continue  # not JSON: not kept (a cache costs speed, never correctness)
            kept.append((key, Stored(text, found, url)))
        self._answers.put_many(namespace, kept)
