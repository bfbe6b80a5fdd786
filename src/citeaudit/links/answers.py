"""Answers from the network kept on disk: the one cache of links and registries.

A link's check and a registry's record are both an answer to a question (a URL, a
DOI at one registry, a bibliographic query), kept with when it was given, whether it
found something, and where it came from; what is still fresh is the caller's rule
(a link's success for a max age, a registry's "found" longer than its "not found").
Failures -- "could not ask" -- are never given to the cache: they are no answer.

One SQLite file per cache (transactions and a busy timeout: parallel workers never
read half an answer; no WAL, which a cache folder on a network drive would break),
and a thousand look-ups are one query. A cache that
cannot be read or written costs speed, never correctness: errors are misses.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = ["MAX_KEPT", "AnswerStore", "Stored"]

_BATCH = 500  # keys per query (SQLite's bound on parameters is 999 in old builds)
# The largest answer kept, in characters of its text and URL. An answer is a stranger's:
# a registry's record was kept whole, up to the 16 MB a registry answer may be, once
# for each DOI and query of an upload. A Crossref record with thousands of authors is
# a few hundred KB; a larger answer is asked again next time (a cache costs speed,
# never correctness), and an older one under its key is forgotten.
MAX_KEPT = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Stored:
    """One kept answer: its text (JSON, the caller's encoding) and its circumstances."""

    body: str
    found: bool = True
    url: str = ""
    stored_at: float = 0.0


class AnswerStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                db.execute(
                    "CREATE TABLE IF NOT EXISTS answers (namespace TEXT NOT NULL,"
                    " key TEXT NOT NULL, stored REAL NOT NULL, found INTEGER NOT NULL,"
                    " url TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (namespace, key))"
                )
            self.usable = True
        except (OSError, sqlite3.Error):
            self.usable = False  # no cache this run: every question is asked

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            with db:
                yield db
        finally:
            db.close()

    def get_many(self, namespace: str, keys: Iterable[str]) -> dict[str, Stored]:
        """The kept answers among `keys` (fresh or not: the caller decides)."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, Stored] = {}
        if not self.usable or not wanted:
            return found
        try:
            with self._connect() as db:
                for i in range(0, len(wanted), _BATCH):
                    chunk = wanted[i : i + _BATCH]
                    marks = ",".join("?" * len(chunk))
                    rows = db.execute(
                        "SELECT key, stored, found, url, body FROM answers"
                        f" WHERE namespace = ? AND key IN ({marks})",
                        [namespace, *chunk],
                    ).fetchall()
                    for key, stored, was_found, url, body in rows:
                        found[key] = Stored(body, bool(was_found), url, stored)
        except (sqlite3.Error, UnicodeEncodeError):  # a key with a lone surrogate
            return {}
        return found

    def put_many(
        self, namespace: str, answers: Iterable[tuple[str, Stored]], now: float | None = None
    ) -> None:
        """Keep answers (their `stored_at` is now, unless given)."""
        current = time.time() if now is None else now
        rows: list[tuple[str, str, float, int, str, str]] = []
        dropped: list[tuple[str, str]] = []
        for key, a in answers:
            if len(a.body) + len(a.url) > MAX_KEPT:
                dropped.append((namespace, key))
            else:
                rows.append((namespace, key, a.stored_at or current, int(a.found), a.url, a.body))
        if not self.usable or not (rows or dropped):
            return
        try:
            with self._connect() as db:
                db.executemany("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?)", rows)
                db.executemany("DELETE FROM answers WHERE namespace = ? AND key = ?", dropped)
        except (sqlite3.Error, UnicodeEncodeError):
            return

    def forget(self, namespace: str, keys: Iterable[str]) -> None:
        rows = [(namespace, k) for k in keys]
        if not self.usable or not rows:
            return
        try:
            with self._connect() as db:
                db.executemany("DELETE FROM answers WHERE namespace = ? AND key = ?", rows)
        except (sqlite3.Error, UnicodeEncodeError):
            return
