"""Watch/unwatch and the change history from scheduled re-checks, for the audit page.

`citeaudit.watch` is optional here: without it (or its tables) the page simply has no
watch panel. Everything it hands back becomes plain records for the template.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from datetime import datetime
from types import ModuleType
from typing import Any

from citeaudit.report.html import Link, doi_link, web_link
from citeaudit.store.db import StoreError
from citeaudit.store.repository import Repository

log = logging.getLogger(__name__)

KINDS = {  # kind -> (label, tone)
    "newly_broken": ("Newly broken", "error"),
    "newly_retracted": ("Newly retracted", "error"),
    "new_notice": ("New editorial notice", "warning"),
    "still_broken": ("Still broken", "warning"),
    "recovered": ("Recovered", "ok"),
}


@dataclass(frozen=True, slots=True)
class ChangeItem:
    label: str
    tone: str
    at: datetime
    subject: Link | None
    detail: str
    references: str


@dataclass(frozen=True, slots=True)
class WatchPanel:
    watched: bool
    collection: str | None
    since: datetime | None
    changes: tuple[ChangeItem, ...]


def _module() -> ModuleType | None:
    try:
        return importlib.import_module("citeaudit.watch")
    except ImportError:
        return None


def available() -> bool:
    return _module() is not None


def _detail(change: Any) -> str:
    parts = []
    if change.status:
        parts.append(f"HTTP {change.status}")
    if change.reason:
        parts.append(str(change.reason).replace("-", " "))
    if change.final_url:
        parts.append(f"now at {change.final_url}")
    if change.notice:
        notice = dict(change.notice)
        kind = str(notice.get("kind") or "notice").replace("_", " ")
        parts.append(kind + (f" ({notice['date']})" if notice.get("date") else ""))
    if change.since:
        parts.append(f"broken since {change.since:%Y-%m-%d}")
    return "; ".join(parts)


def _item(change: Any, labels: dict[str, str]) -> ChangeItem:
    kind = str(getattr(change.kind, "value", change.kind))
    label, tone = KINDS.get(kind, (kind.replace("_", " ").capitalize(), "info"))
    subject = web_link(change.url) if change.url else doi_link(change.doi) if change.doi else None
    return ChangeItem(
        label=label,
        tone=tone,
        at=change.at,
        subject=subject,
        detail=_detail(change),
        references=", ".join(labels.get(r, r) for r in change.reference_ids),
    )


def panel(
    repo: Repository, account: int, audit_id: str, labels: dict[str, str]
) -> WatchPanel | None:
    """The audit's watch state and changes; None when watching is not available."""
    watch = _module()
    if watch is None:
        return None
    try:
        current = watch.get_watch(repo, account, audit_id)
        changes = watch.changes_for_audit(repo, account, audit_id)
    except (StoreError, ValueError) as exc:  # no watch tables yet, or not the account's
        log.warning("watch state of %s unavailable: %s", audit_id, exc)
        return None
    items = sorted((_item(c, labels) for c in changes), key=lambda c: c.at, reverse=True)
    return WatchPanel(
        watched=current is not None,
        collection=current.collection if current is not None else None,
        since=current.created_at if current is not None else None,
        changes=tuple(items),
    )


def set_watched(
    repo: Repository, account: int, audit_id: str, on: bool, collection: str | None
) -> bool:
    """Watch or unwatch; False when the audit is not the account's (or watching is absent)."""
    watch = _module()
    if watch is None:
        return False
    try:
        if on:
            watch.watch_audit(repo, account, audit_id, collection or None)
        else:
            watch.unwatch_audit(repo, account, audit_id)
    except ValueError:  # WatchError: not the account's audit, or a bad collection name
        return False
    return True
