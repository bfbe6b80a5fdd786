"""What the watch's store hands out and takes: frozen records, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from citeaudit.model.change import ChangeKind
from citeaudit.model.link import LinkOutcome
from citeaudit.model.resolution import Notice

__all__ = ["NOTIFY_KINDS", "ChangeKind"]

NOTIFY_KINDS = frozenset({ChangeKind.NEWLY_BROKEN, ChangeKind.NEWLY_RETRACTED})
UNKNOWN = "unknown"  # a link's state before any check of it was judged
# the reason kept for a due link not asked: its site is backing off (no request made)
WAITING = "site backing off until"


class WatchError(ValueError):
    """A request the watch refuses (the edges turn it into 404 / 422 / exit 2)."""


class WatchLimitError(WatchError):
    """Watching the audit would take the account past its ceiling of watched links:
    the edges say so (422, the page's message, exit 2), never "no such audit"."""


class WatchNotReady(WatchLimitError):
    """The audit is not finished: what it will hold (its links, its DOIs) is not all
    stored yet, so the ceiling cannot count it (svc31). The API says 409; the page and
    the CLI say why, as for the ceiling."""


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
    notice: Notice | None = None  # the registry's notice, as the codec kept it
    id: int | None = None  # None for the synthesised "still broken" entries


@dataclass(frozen=True, slots=True)
class AccountNotifySettings:
    webhook_url: str | None
    email_to: str | None
    has_secret: bool


@dataclass(frozen=True, slots=True)
class DueLink:
    link_id: int
    url: str

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").lower()


@dataclass(frozen=True, slots=True)
class LinkState:
    """Where a watched link stands, as kept between checks."""

    state: str = UNKNOWN
    streak_started_at: datetime | None = None
    streak_check_id: int | None = None  # the first failing check of the streak
    broken_since: datetime | None = None


@dataclass(frozen=True, slots=True)
class Observation:
    check_id: int
    at: datetime
    outcome: LinkOutcome


@dataclass(frozen=True, slots=True)
class Event:
    kind: ChangeKind
    key: str  # unique per link and streak: the same event is never made twice
    since: datetime | None


@dataclass(frozen=True, slots=True)
class StoredChange:
    """A recorded change, as a notification about it needs it."""

    id: int
    kind: str
    at: datetime
    link_id: int | None
    doi: str | None
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Delivery:
    """One owed notification: the change, where it goes, and the audits it concerns."""

    row_id: int
    channel: str  # "webhook" | "email"
    change: StoredChange
    account_name: str
    audits: tuple[dict[str, Any], ...]
    webhook_url: str | None
    webhook_secret: str | None
    email_to: str | None
