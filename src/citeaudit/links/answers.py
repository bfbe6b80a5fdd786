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

The file is bounded (`MAX_ENTRIES` answers, `MAX_BYTES` of pages in use, none older
than `MAX_AGE`): an upload chooses how many questions are asked, and nothing was ever
removed, so a list of 100,000 URLs or DOIs grew the file by that much each run, for
every account of a service, until the disk was full. The oldest answers go first
(forgetting costs a question asked again, never a wrong answer); the bounds are
checked when the store is opened and after each tenth of a bound written since
(`_Pruning`), so the file stays near them, pages freed being reused by SQLite.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from citeaudit.input_scope import database_hazard

__all__ = ["MAX_AGE", "MAX_BYTES", "MAX_ENTRIES", "MAX_KEPT", "AnswerStore", "Stored"]

_BATCH = 500  # keys per query (SQLite's bound on parameters is 999 in old builds)
# The largest answer kept, in characters of its text and URL. An answer is a stranger's:
# a registry's record was kept whole, up to the 16 MB a registry answer may be, once
# for each DOI and query of an upload. A Crossref record with thousands of authors is
# a few hundred KB; a larger answer is asked again next time (a cache costs speed,
# never correctness), and an older one under its key is forgotten.
MAX_KEPT = 1024 * 1024
# The file's bounds (`AnswerStore` takes others): answers, bytes of pages holding them,
# and age -- longer than any freshness a caller keeps (a registry's "found": 30 days;
# callers with a longer one pass it).
MAX_ENTRIES = 200_000
MAX_BYTES = 512 * 1024 * 1024
MAX_AGE = 90 * 24 * 3600.0
_TRIM_TO = 0.9  # a bound passed is trimmed to this share of it: not at every write


@dataclass(frozen=True, slots=True)
class Stored:
    """One kept answer: its text (JSON, the caller's encoding) and its circumstances."""

    body: str
    found: bool = True
    url: str = ""
    stored_at: float = 0.0


class AnswerStore:
    def __init__(
        self,
        path: Path,
        *,
        max_entries: int = MAX_ENTRIES,
        max_bytes: int = MAX_BYTES,
        max_age: float = MAX_AGE,
    ) -> None:
        self.path = path
        self._pruning = _Pruning(max(1, max_entries), max(1, max_bytes), max_age)
        # SQLite plays back a journal found beside the database's real path, then deletes
        # the file a super-journal name in it gives (anywhere), and waits on a named pipe
        # at any of the names it opens: no cache beside such a one.
        if database_hazard(path) is not None:
            self.usable = False
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                db.execute(
                    "CREATE TABLE IF NOT EXISTS answers (namespace TEXT NOT NULL,"
                    " key TEXT NOT NULL, stored REAL NOT NULL, found INTEGER NOT NULL,"
                    " url TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (namespace, key))"
                )
                # The oldest answers are the first forgotten (`_Pruning.prune`).
                db.execute("CREATE INDEX IF NOT EXISTS answers_stored ON answers (stored)")
                self._pruning.prune(db, time.time())
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
                self._pruning.expire(db, current)
                if self._pruning.wrote(rows):
                    self._pruning.prune(db, current)
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


class _Pruning:
    """When and how the store forgets: the oldest answers past its bounds.

    Age at every write; entries and bytes after a tenth of a bound was written since
    the last check (by this store; parallel workers each count their own), never at
    every write: counting the rows reads the index of ages, a few milliseconds for
    the largest file allowed."""

    def __init__(self, max_entries: int, max_bytes: int, max_age: float) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_age = max_age
        self._rows = 0  # written since the last check
        self._bytes = 0

    def wrote(self, rows: list[tuple[str, str, float, int, str, str]]) -> bool:
        """Count `rows` written; whether the bounds are due to be checked."""
        self._rows += len(rows)
        self._bytes += sum(len(r[1]) + len(r[4]) + len(r[5]) for r in rows)
        return self._rows * 10 >= self.max_entries or self._bytes * 10 >= self.max_bytes

    def expire(self, db: sqlite3.Connection, now: float) -> None:
        """Forget answers older than the age bound (a range of the index of ages: cheap
        enough for every write)."""
        db.execute("DELETE FROM answers WHERE stored < ?", (now - self.max_age,))

    def prune(self, db: sqlite3.Connection, now: float) -> None:
        """Forget answers older than the age bound, then the oldest past the others."""
        self._rows = self._bytes = 0
        self.expire(db, now)
        count = int(db.execute("SELECT count(*) FROM answers").fetchone()[0])
        if count > self.max_entries:
            _forget_oldest(db, count - int(self.max_entries * _TRIM_TO))
            count = int(self.max_entries * _TRIM_TO)
        for _ in range(32):  # each round forgets a tenth: bounded, whatever the sizes
            if count <= 0 or _bytes_in_use(db) <= self.max_bytes:
                break
            step = max(1, count // 10)
            _forget_oldest(db, step)
            count -= step


def _forget_oldest(db: sqlite3.Connection, how_many: int) -> None:
    db.execute(
        "DELETE FROM answers WHERE rowid IN (SELECT rowid FROM answers ORDER BY stored LIMIT ?)",
        (max(0, how_many),),
    )


def _bytes_in_use(db: sqlite3.Connection) -> int:
    """Bytes of the file's pages that hold data (freed pages are reused, not counted)."""
    size = int(db.execute("PRAGMA page_size").fetchone()[0])
    pages = int(db.execute("PRAGMA page_count").fetchone()[0])
    free = int(db.execute("PRAGMA freelist_count").fetchone()[0])
    return size * (pages - free)
