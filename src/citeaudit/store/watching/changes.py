"""What changed for a watched audit or collection since a time.

Events (newly broken, recovered, newly retracted, new notice) in time order, then
the links still broken, each with the date it has been broken since.

A link's re-checks, state and changes are kept once for every audit citing it, of
whatever account; an audit is shown them only from the moment it was watched (its
`Watch.created_at`): no link change before it, no "broken since" earlier than it, a
link still broken only once re-checked since, and nothing at all for an audit not
watched. Before, an account that guessed a private preprint's address and cited it
read that another account's watch had seen it break, and when, and since when.

A cited DOI's changes (a retraction, a new notice) are the registry's public record
and are still shown from whenever they were recorded: what they can tell another
account is only that some watch asked the registry about that DOI.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from citeaudit.model.codec import ValidationError, from_data
from citeaudit.model.resolution import Notice
from citeaudit.store.repository import Repository
from citeaudit.store.tables import Audit, AuditLink, AuditReference, Link, ResolutionRow
from citeaudit.store.watch_tables import Watch, WatchChange, WatchLinkState
from citeaudit.store.watching.records import Change, ChangeKind, WatchError
from citeaudit.store.watching.times import aware, in_utc, maybe_aware
from citeaudit.store.watching.watches import collection_audits

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _when(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def _notice(value: Any) -> Notice | None:
    """The registry's notice a change recorded (`notice_log` writes it with the codec);
    None for none, or for a record this version cannot read."""
    if not value:
        return None
    try:
        return from_data(Notice, value)
    except ValidationError:
        return None


def _not_before(value: datetime | None, start: datetime) -> datetime | None:
    """A date shown to the account: never before it began to watch (`start`)."""
    return None if value is None else max(aware(value), start)


def _audit_changes(s: Session, audit_id: str, since: datetime) -> list[Change]:
    """The changes of a watched audit since `since`, none from before its watch began;
    none at all for an audit not watched."""
    watch = s.get(Watch, audit_id)
    if watch is None:
        return []
    start = aware(watch.created_at)
    asked, since = _utc(since), _utc(max(aware(since), start))
    links = {
        link_id: tuple(ids or ())
        for link_id, ids in s.execute(
            select(AuditLink.link_id, AuditLink.reference_ids).where(AuditLink.audit_id == audit_id)
        ).all()
    }
    dois: dict[str, list[str]] = defaultdict(list)
    for model in (ResolutionRow, AuditReference):
        for doi, ref_id in s.execute(
            select(model.doi, model.reference_id).where(
                model.audit_id == audit_id, model.doi.is_not(None)
            )
        ).all():
            entry = dois[(doi or "").lower()]
            if ref_id not in entry:
                entry.append(ref_id)
    out: list[Change] = []
    rows = list(
        s.scalars(
            select(WatchChange)
            .join(AuditLink, AuditLink.link_id == WatchChange.link_id)
            .where(AuditLink.audit_id == audit_id, WatchChange.at >= since)
        )
    )
    if dois:
        rows += list(
            s.scalars(
                # A DOI's notices are the registry's public record, dated by the
                # registry: shown from `asked` (see the module's note)
                select(WatchChange).where(WatchChange.doi.in_(list(dois)), WatchChange.at >= asked)
            )
        )
    for row in sorted(rows, key=lambda r: (aware(r.at), r.id)):
        data = row.data or {}
        out.append(
            Change(
                kind=ChangeKind(row.kind),
                at=aware(row.at),
                audit_id=audit_id,
                reference_ids=links.get(row.link_id or -1, ())
                if row.link_id is not None
                else tuple(dois.get(row.doi or "", ())),
                url=data.get("url"),
                doi=row.doi,
                since=_not_before(_when(data.get("since")), start)
                if row.link_id is not None
                else _when(data.get("since")),
                status=data.get("status"),
                reason=data.get("reason"),
                final_url=data.get("final_url"),
                notice=_notice(data.get("notice")),
                id=row.id,
            )
        )
    newly = {c.url for c in out if c.kind is ChangeKind.NEWLY_BROKEN}
    for state, link_id, url in s.execute(
        select(WatchLinkState, Link.id, Link.url)
        .join(Link, Link.id == WatchLinkState.link_id)
        .join(AuditLink, AuditLink.link_id == WatchLinkState.link_id)
        .where(
            AuditLink.audit_id == audit_id,
            WatchLinkState.state == "broken",
            WatchLinkState.last_checked_at >= _utc(start),  # re-checked while watched
        )
    ).all():
        if url in newly:
            continue
        out.append(
            Change(
                kind=ChangeKind.STILL_BROKEN,
                at=maybe_aware(state.last_checked_at) or _EPOCH,
                audit_id=audit_id,
                reference_ids=links.get(link_id, ()),
                url=url,
                since=_not_before(state.broken_since, start),
            )
        )
    return out


def changes_for_audit(
    repo: Repository, account: int, audit_id: str, since: datetime | None = None
) -> list[Change]:
    """The audit's changes since `since` (default: all). WatchError if not the account's."""
    with repo.session() as s:
        audit = s.get(Audit, audit_id)
        if audit is None or audit.account_id != account:
            raise WatchError("no such audit")
        return _audit_changes(s, audit_id, _utc(since))


def _utc(since: datetime | None) -> datetime:
    # SQLite keeps times as UTC text without the offset: compare in UTC.
    return in_utc(since) if since is not None else _EPOCH


def changes_for_collection(
    repo: Repository, account: int, name: str, since: datetime | None = None
) -> list[Change]:
    audits = collection_audits(repo, account, name)
    if audits is None:
        raise WatchError("no such collection")
    with repo.session() as s:
        out: list[Change] = []
        for audit_id in audits:
            out.extend(_audit_changes(s, audit_id, _utc(since)))
    return sorted(out, key=lambda c: (c.kind is ChangeKind.STILL_BROKEN, c.at, c.audit_id))
