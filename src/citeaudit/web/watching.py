"""Watch/unwatch and the change history from scheduled re-checks, for the audit page.

The store's watch gateway (`citeaudit.store.watching`) hands out typed `Change`
records; this turns them into plain rows for the template, worded in the page's
language (the template only loops and prints). An import, not a lookup by name: a
dependency the layout test can see.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from citeaudit.model.change import ChangeKind
from citeaudit.report.html import Link, doi_link, web_link
from citeaudit.store.db import StoreError
from citeaudit.store.repository import Repository
from citeaudit.store.watching.changes import changes_for_audit
from citeaudit.store.watching.records import Change, WatchError, WatchLimitError
from citeaudit.store.watching.watches import get_watch, unwatch_audit, watch_audit
from citeaudit.web.i18n import gettext

log = logging.getLogger(__name__)

TONES = {
    ChangeKind.NEWLY_BROKEN: "error",
    ChangeKind.NEWLY_RETRACTED: "error",
    ChangeKind.NEW_NOTICE: "warning",
    ChangeKind.STILL_BROKEN: "warning",
    ChangeKind.RECOVERED: "ok",
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


def kind_label(kind: ChangeKind) -> str:
    """The kind of change in the page's language (one literal a kind, for the catalog)."""
    if kind is ChangeKind.NEWLY_BROKEN:
        return gettext("Newly broken")
    if kind is ChangeKind.NEWLY_RETRACTED:
        return gettext("Newly retracted")
    if kind is ChangeKind.NEW_NOTICE:
        return gettext("New editorial notice")
    if kind is ChangeKind.STILL_BROKEN:
        return gettext("Still broken")
    return gettext("Recovered")


def notice_label(kind: str) -> str:
    """A registry notice's kind in the page's language; a kind we do not know yet is
    shown as the registry names it."""
    if kind == "retraction":
        return gettext("retraction")
    if kind == "correction":
        return gettext("correction")
    if kind == "expression_of_concern":
        return gettext("expression of concern")
    if kind == "withdrawal":
        return gettext("withdrawal")
    return kind.replace("_", " ") or gettext("notice")


def _detail(change: Change) -> str:
    parts = []
    if change.status:
        parts.append(f"HTTP {change.status}")
    if change.reason:
        parts.append(str(change.reason).replace("-", " "))
    if change.final_url:
        parts.append(gettext("now at %(url)s") % {"url": change.final_url})
    if change.notice is not None:
        kind = notice_label(change.notice.kind)
        parts.append(kind + (f" ({change.notice.date})" if change.notice.date else ""))
    if change.since:
        parts.append(gettext("broken since %(date)s") % {"date": f"{change.since:%Y-%m-%d}"})
    return "; ".join(parts)


def _item(change: Change, labels: dict[str, str]) -> ChangeItem:
    subject = web_link(change.url) if change.url else doi_link(change.doi) if change.doi else None
    return ChangeItem(
        label=kind_label(change.kind),
        tone=TONES.get(change.kind, "info"),
        at=change.at,
        subject=subject,
        detail=_detail(change),
        references=", ".join(labels.get(r, r) for r in change.reference_ids),
    )


def panel(
    repo: Repository, account: int, audit_id: str, labels: dict[str, str]
) -> WatchPanel | None:
    """The audit's watch state and changes; None when the watch's tables are missing."""
    try:
        current = get_watch(repo, account, audit_id)
        changes = changes_for_audit(repo, account, audit_id)
    except (StoreError, ValueError) as exc:  # no watch tables yet, not the account's (WatchError)
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
    repo: Repository,
    account: int,
    audit_id: str,
    on: bool,
    collection: str | None,
    *,
    max_links: int = 0,
) -> bool:
    """Watch or unwatch; False when the audit is not the account's (or the name is bad).
    WatchLimitError (the page shows why) past the account's ceiling of watched links."""
    try:
        if on:
            watch_audit(repo, account, audit_id, collection or None, max_links=max_links)
        else:
            unwatch_audit(repo, account, audit_id)
    except WatchLimitError:
        raise
    except WatchError:  # not the account's audit, or a bad collection name
        return False
    return True
