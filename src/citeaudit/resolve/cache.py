"""Registry answers kept on disk, as evidence and so re-audits send only what changed.

One JSON file per question (a DOI at one registry, one bibliographic query), holding
what the registry answered, where and when. Answers that a work exists live
`ttl` seconds; "not found" answers only `not_found_ttl`, because DOIs get registered
and records get deposited. Failures are never stored: "could not ask" is no answer.
Writes go through a temporary file and a rename, so parallel workers never read half
a file.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

    def _path(self, namespace: str, key: str) -> Path:
        digest = hashlib.sha256(f"{namespace}\0{key}".encode()).hexdigest()
        return self.root / namespace / digest[:2] / f"{digest}.json"

    def get(self, namespace: str, key: str, *, now: float | None = None) -> Cached | None:
        if not self.read:
            return None
        path = self._path(namespace, key)
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        found = bool(data.get("found"))
        stored = float(data.get("stored_at", 0))
        ttl = self.ttl if found else self.not_found_ttl
        if (time.time() if now is None else now) - stored > ttl:
            return None
        return Cached(found, data.get("body"), str(data.get("url", "")), stored)

    def put(self, namespace: str, key: str, *, found: bool, body: Any, url: str = "") -> None:
        if not self.write:
            return
        path = self._path(namespace, key)
        record = {"key": key, "found": found, "url": url, "stored_at": time.time(), "body": body}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(record, handle, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            # A cache that cannot be written costs speed, never correctness.
            return
