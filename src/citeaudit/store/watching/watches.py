"""Marking audits watched, grouping them in named collections, listing them."""

from __future__ import annotations

from sqlalchemy import delete, func, or_, select, union
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from citeaudit.store.quotas import IN_FLIGHT, lock_account
from citeaudit.store.repository import Repository
from citeaudit.store.tables import Account, Audit, AuditLink, AuditReference, ResolutionRow
from citeaudit.store.watch_tables import Watch, WatchCollection
from citeaudit.store.watching.records import (
    CollectionView,
    WatchError,
    WatchLimitError,
    WatchNotReady,
    WatchView,
)
from citeaudit.store.watching.times import aware

__all__ = ["WatchError", "WatchLimitError", "WatchNotReady"]


def account_by_name(repo: Repository, name: str) -> int:
    """The id of the account `name`, created when new (the CLI's accounts)."""
    with repo.session() as s, s.begin():
        found = s.scalar(select(Account.id).where(Account.name == name))
        if found is not None:
            return found
        account = Account(name=name)
        s.add(account)
        s.flush()
        return account.id


def _collection_id(s: Session, account: int, name: str) -> int:
    found = s.scalar(
        select(WatchCollection.id).where(
            WatchCollection.account_id == account, WatchCollection.name == name
        )
    )
    if found is not None:
        return found
    try:
        with s.begin_nested():
            row = WatchCollection(account_id=account, name=name)
            s.add(row)
        return row.id
    except IntegrityError:  # created by someone else just now
        made = s.scalar(
            select(WatchCollection.id).where(
                WatchCollection.account_id == account, WatchCollection.name == name
            )
        )
        assert made is not None
        return made


def watch_audit(
    repo: Repository,
    account: int,
    audit_id: str,
    collection: str | None = None,
    *,
    max_links: int = 0,
) -> WatchView:
    """Watch the account's audit (again: the collection is updated). WatchError if not its;
    WatchLimitError when the account's watched audits would then hold more than
    `max_links` distinct links (0: no ceiling); WatchNotReady while it is queued or
    running (what it holds is not all stored yet)."""
    name = collection.strip() if collection else None
    if name is not None and not 0 < len(name) <= 200:
        raise WatchError("a collection name has 1 to 200 characters")
    if name is not None and "\x00" in name:  # PostgreSQL's text takes none (`store.db`)
        raise WatchError("a collection name cannot hold a NUL character")
    with repo.session() as s, s.begin():
        audit = s.get(Audit, audit_id)
        if audit is None or audit.account_id != account:
            raise WatchError("no such audit")
        if audit.status in IN_FLIGHT:
            # Queued, it held no link yet and counted 0 whatever its upload: watched
            # at once, every audit passed the ceiling (svc31). Finished, it no longer
            # grows (a watched failed audit is not retried, `store.quotas`).
            raise WatchNotReady(
                f"not watched: the audit is {audit.status}; its links and DOIs are "
                "counted against the account's ceiling once it is finished -- watch it then"
            )
        # The account's watches are counted and added one request at a time: without
        # the lock, requests sent together each counted the watches committed before
        # any of them, and twenty audits were watched past the ceiling at once (svc31).
        lock_account(s, account)
        collection_id = _collection_id(s, account, name) if name else None
        watch = s.get(Watch, audit_id)
        if watch is None:
            if max_links:
                _refuse_past_ceiling(s, account, audit_id, max_links)
            watch = Watch(audit_id=audit_id, account_id=account, collection_id=collection_id)
            s.add(watch)
            s.flush()
        elif name is not None:
            watch.collection_id = collection_id
        s.flush()
        _drop_empty_collections(s, account)
        return WatchView(audit_id, account, _name(s, watch.collection_id), aware(watch.created_at))


def _refuse_past_ceiling(s: Session, account: int, audit_id: str, ceiling: int) -> None:
    """Each watched link and each watched DOI is re-checked every sweep: the distinct
    links and DOIs of the account's watched audits and this one (one shared by two
    audits is one re-check) stay within `ceiling`. DOIs were not counted: an audit of
    20,000 DOIs and no link was watched under any ceiling, 20,000 registry look-ups a
    sweep, as many times as the account had such audits (svc27). The caller holds the
    account's lock (`lock_account`): requests at once are counted one after another."""
    watched = select(Watch.audit_id).where(Watch.account_id == account)
    audits = or_(AuditLink.audit_id.in_(watched), AuditLink.audit_id == audit_id)
    links = s.scalar(select(func.count(func.distinct(AuditLink.link_id))).where(audits)) or 0
    cited = union(
        select(func.lower(AuditReference.doi).label("doi")).where(
            or_(AuditReference.audit_id.in_(watched), AuditReference.audit_id == audit_id),
            AuditReference.doi.is_not(None),
        ),
        select(func.lower(ResolutionRow.doi).label("doi")).where(
            or_(ResolutionRow.audit_id.in_(watched), ResolutionRow.audit_id == audit_id),
            ResolutionRow.doi.is_not(None),
        ),
    ).subquery()
    dois = s.scalar(select(func.count()).select_from(cited)) or 0
    if links + dois > ceiling:
        held = f"{links:,} links" + (f" and {dois:,} DOIs" if dois else "")
        raise WatchLimitError(
            f"not watched: the account's watched audits would hold {held}, "
            f"{links + dois:,} re-checks a sweep, more than the {ceiling:,} one account "
            "may have (max_watched_links_per_account); unwatch some audits first"
        )


def unwatch_audit(repo: Repository, account: int, audit_id: str) -> bool:
    """True when the audit was watched (by this account) and no longer is."""
    with repo.session() as s, s.begin():
        result = s.execute(
            delete(Watch).where(Watch.audit_id == audit_id, Watch.account_id == account)
        )
        _drop_empty_collections(s, account)
        return bool(getattr(result, "rowcount", 0))


def _drop_empty_collections(s: Session, account: int) -> None:
    """A collection lives while an audit is watched in it, no longer. Kept, one watched
    audit moved through new names (or watched in one, then deleted) left a row per name,
    each listed by ``GET /watch/collections`` for ever: rows without end for one audit
    and a token, outside every quota. So the account's collections are never more than
    its watched audits (and its audits since the last watch or unwatch)."""
    used = select(Watch.collection_id).where(
        Watch.account_id == account, Watch.collection_id.is_not(None)
    )
    s.execute(
        delete(WatchCollection).where(
            WatchCollection.account_id == account, WatchCollection.id.not_in(used)
        )
    )


def _name(s: Session, collection_id: int | None) -> str | None:
    if collection_id is None:
        return None
    return s.scalar(select(WatchCollection.name).where(WatchCollection.id == collection_id))


def get_watch(repo: Repository, account: int, audit_id: str) -> WatchView | None:
    with repo.session() as s:
        watch = s.get(Watch, audit_id)
        if watch is None or watch.account_id != account:
            return None
        return WatchView(audit_id, account, _name(s, watch.collection_id), aware(watch.created_at))


def list_watches(repo: Repository, account: int, collection: str | None = None) -> list[WatchView]:
    query = (
        select(Watch, WatchCollection.name)
        .outerjoin(WatchCollection, WatchCollection.id == Watch.collection_id)
        .where(Watch.account_id == account)
        .order_by(Watch.created_at, Watch.audit_id)
    )
    if collection is not None:
        query = query.where(WatchCollection.name == collection)
    with repo.session() as s:
        return [
            WatchView(w.audit_id, account, name, aware(w.created_at))
            for w, name in s.execute(query).all()
        ]


def list_collections(repo: Repository, account: int) -> list[CollectionView]:
    query = (
        select(WatchCollection, func.count(Watch.audit_id))
        .join(Watch, Watch.collection_id == WatchCollection.id)  # only collections in use
        .where(WatchCollection.account_id == account)
        .group_by(WatchCollection.id)
        .order_by(WatchCollection.name)
    )
    with repo.session() as s:
        return [
            CollectionView(c.name, int(n), aware(c.created_at)) for c, n in s.execute(query).all()
        ]


def collection_audits(repo: Repository, account: int, name: str) -> list[str] | None:
    """The audit ids in the account's collection `name`; None when there is no such one."""
    with repo.session() as s:
        cid = s.scalar(
            select(WatchCollection.id).where(
                WatchCollection.account_id == account, WatchCollection.name == name
            )
        )
        if cid is None:
            return None
        return list(
            s.scalars(
                select(Watch.audit_id).where(Watch.collection_id == cid).order_by(Watch.audit_id)
            )
        )
