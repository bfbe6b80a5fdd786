"""What the watch package hands out: frozen records, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from citeaudit.report.changes import ChangeKind

__all__ = ["NOTIFY_KINDS", "ChangeKind"]


NOTIFY_KINDS = frozenset({ChangeKind.NEWLY_BROKEN, ChangeKind.NEWLY_RETRACTED})


@dataclass(frozen=True, slots=True)
class WatchView:
    audit_id: str
    account_id: int
    collection: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class CollectionView:
    name: str
    audits: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Change:
    """One change of a watched link or cited work, as one audit sees it."""

    kind: ChangeKind
    at: datetime
    audit_id: str
    reference_ids: tuple[str, ...] = ()
    url: str | None = None
    doi: str | None = None
    since: datetime | None = None  # broken since (still broken, newly broken)
    status: int | None = None
    reason: str | None = None
    final_url: str | None = None
    notice: dict[str, Any] | None = None  # the registry's notice (kind, doi, source, date)
    id: int | None = None  # None for the synthesised "still broken" entries


@dataclass(frozen=True, slots=True)
class AccountNotifySettings:
    webhook_url: str | None
    email_to: str | None
    has_secret: bool


@dataclass(frozen=True, slots=True)
class RecheckSummary:
    links_checked: int = 0
    dois_checked: int = 0
    changes: int = 0
    network_down: bool = False
    kinds: dict[str, int] = field(default_factory=dict)

    def plus(self, other: RecheckSummary) -> RecheckSummary:
        kinds = dict(self.kinds)
        for k, v in other.kinds.items():
            kinds[k] = kinds.get(k, 0) + v
        return RecheckSummary(
            self.links_checked + other.links_checked,
            self.dois_checked + other.dois_checked,
            self.changes + other.changes,
            self.network_down or other.network_down,
            kinds,
        )


@dataclass(frozen=True, slots=True)
class DeliveryStats:
    sent: int = 0
    retried: int = 0
    failed: int = 0
