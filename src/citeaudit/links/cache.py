"""Link-check cache: successes kept for a max age, failures never kept.

One SQLite file under the cache directory (`links.sqlite3`). A check is stored only
when its outcome is ok or redirected; anything broken or unverified is checked
again next time, as lychee does.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from citeaudit.model.codec import ValidationError, from_json, to_json
from citeaudit.model.link import LinkCheck, LinkOutcome

CACHED_OUTCOMES = frozenset({LinkOutcome.OK, LinkOutcome.REDIRECTED})


def _encode(check: LinkCheck) -> str:
    """The check without the references that cited it: those belong to one audit."""
    return to_json(dataclasses.replace(check, reference_ids=()))


def _decode(text: str) -> LinkCheck | None:
    """The stored check; None for a record this version cannot read (a miss)."""
    try:
        return from_json(LinkCheck, text)
    except ValidationError:
        return None


class LinkCache:
    def __init__(self, directory: Path, max_age: float) -> None:
        self.path = Path(directory) / "links.sqlite3"
        self.max_age = max_age
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS links"
                " (key TEXT PRIMARY KEY, stored REAL NOT NULL, check_json TEXT NOT NULL)"
            )

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            with db:
                yield db
        finally:
            db.close()

    def get_many(self, keys: Iterable[str], now: float | None = None) -> dict[str, LinkCheck]:
        current = time.time() if now is None else now
        found: dict[str, LinkCheck] = {}
        wanted = list(dict.fromkeys(keys))
        with self._connect() as db:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT key, stored, check_json FROM links WHERE key IN ({marks})", chunk
                ).fetchall()
                for key, stored, text in rows:
                    check = _decode(text) if current - stored <= self.max_age else None
                    if check is not None:
                        found[key] = check
        return found

    def put_many(self, items: Iterable[tuple[str, LinkCheck]], now: float | None = None) -> None:
        """Store successes; forget any earlier success of what has failed now."""
        current = time.time() if now is None else now
        rows, failed = [], []
        for key, check in items:
            if check.outcome in CACHED_OUTCOMES:
                rows.append((key, current, _encode(check)))
            else:
                failed.append((key,))
        with self._connect() as db:
            if rows:
                db.executemany("INSERT OR REPLACE INTO links VALUES (?, ?, ?)", rows)
            if failed:
                db.executemany("DELETE FROM links WHERE key = ?", failed)

    def forget(self, keys: Iterable[str]) -> None:
        with self._connect() as db:
            db.executemany("DELETE FROM links WHERE key = ?", [(k,) for k in keys])
