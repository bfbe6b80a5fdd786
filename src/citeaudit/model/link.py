"""The outcome of checking one URL."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class LinkOutcome(StrEnum):
    OK = "ok"
    REDIRECTED = "redirected"
    BROKEN = "broken"
    UNVERIFIED = "unverified"  # we could not tell: never reported as broken
    EXCLUDED = "excluded"


@dataclass(frozen=True, slots=True)
class Hop:
    url: str
    status: int


@dataclass(frozen=True, slots=True)
class LinkCheck:
    url: str
    outcome: LinkOutcome
    reason: str | None = None  # "dns", "connect", "tls", "timeout", "status-404", "bot-wall", ...
    status: int | None = None
    final_url: str | None = None
    hops: tuple[Hop, ...] = ()
    attempts: int = 1
    archive_url: str | None = None
    checked_at: str | None = None  # ISO 8601
    reference_ids: tuple[str, ...] = ()
