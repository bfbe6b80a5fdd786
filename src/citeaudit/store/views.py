"""What the store hands out: plain frozen records, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class NewFile:
    role: str  # "manuscript" | "bibliography"
    name: str
    kind: str  # "text" | "docx"
    content: bytes


@dataclass(frozen=True, slots=True)
class StoredFile:
    role: str
    name: str
    kind: str
    size: int
    content: bytes


@dataclass(frozen=True, slots=True)
class AuditView:
    id: str
    account_id: int
    status: str  # queued | running | done | failed
    phase: str  # queued | offline | network | assembling | done
    progress_done: int
    progress_total: int
    options: dict[str, Any]
    counts: dict[str, int] | None
    error: str | None
    attempts: int
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None
    files: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChunkView:
    id: int
    audit_id: str
    phase: str
    position: int
    reference_ids: tuple[str, ...]
    status: str
    result: dict[str, Any] | None
    worker: str | None
