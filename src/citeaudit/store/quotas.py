"""What one account may hold at once: audits in flight and bytes stored (its uploads
and what its audits keep besides, `store.held_bytes`).

Counted from the stored audits themselves, never kept as a counter: an audit stops
counting the moment its row says done or failed (finished, failed, timed out, failed
by the sweeper after a worker crash) or is deleted, so nothing can leak a place -- a
deleted audit whose step still runs counts until that step ends (`DELETING`): freed
at once, an account that sent and deleted audits in turn kept more steps at work than
its limit allows (fair32). The
count and the new audit are written in one transaction that first writes the account's
row (PostgreSQL's row lock, SQLite's write lock): two API processes submitting for one
account at once are serialized, and the limit holds across every process and machine
that shares the store.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, delete, func, select, update
from sqlalchemy.orm import Session

from citeaudit.store.tables import Account, Audit, AuditFile, StepDelivery
from citeaudit.store.views import NewFile
from citeaudit.store.watch_tables import Watch
from citeaudit.store.watching.times import utcnow

IN_FLIGHT = ("queued", "running")
LIVE = "live:"  # a `StepDelivery` row of a step running now: "live:<step>", its count
# A deleted audit whose step still runs in a worker: hidden from its owner, counted in
# flight until that step ends (`Repository.delete_audit`, `Repository.end_step`).
DELETING = "deleting"
COUNTED = (*IN_FLIGHT, DELETING)


@dataclass(frozen=True, slots=True)
class AccountLimits:
    """0 means no limit."""

    max_in_flight: int = 0
    max_stored_bytes: int = 0
    max_in_flight_total: int = 0  # over all accounts: the queue's own limit


@dataclass(frozen=True, slots=True)
class OverLimit:
    """Why an audit was not created: which limit, what the account holds, the limit."""

    kind: str  # "in_flight" | "stored_bytes" | "queue_full" | "watched"
    held: int
    limit: int


def add_audit(
    s: Session, account_id: int, files: Iterable[NewFile], options: dict[str, Any]
) -> str:
    """The audit row and its files, in the caller's transaction."""
    audit_id = uuid.uuid4().hex
    s.add(Audit(id=audit_id, account_id=account_id, options=options))
    s.flush()
    for f in files:
        s.add(
            AuditFile(
                audit_id=audit_id,
                role=f.role,
                name=f.name,
                kind=f.kind,
                size=len(f.content),
                content=f.content,
            )
        )
    return audit_id


def _in_flight(s: Session, account_id: int) -> int:
    query = select(func.count(Audit.id)).where(
        Audit.account_id == account_id, Audit.status.in_(COUNTED)
    )
    return int(s.scalar(query) or 0)


def _in_flight_total(s: Session) -> int:
    return int(s.scalar(select(func.count(Audit.id)).where(Audit.status.in_(COUNTED))) or 0)


def _stored_bytes(s: Session, account_id: int) -> int:
    """The account's uploads and what its audits keep besides (`Audit.held_bytes`,
    `store.held_bytes`): counted alone, the uploads were a hundredth of it."""
    uploads = (
        select(func.coalesce(func.sum(AuditFile.size), 0))
        .join(Audit, Audit.id == AuditFile.audit_id)
        .where(Audit.account_id == account_id)
    )
    held = select(func.coalesce(func.sum(Audit.held_bytes), 0)).where(
        Audit.account_id == account_id
    )
    return int(s.scalar(uploads) or 0) + int(s.scalar(held) or 0)


def _over(s: Session, account_id: int, limits: AccountLimits, adding: int) -> OverLimit | None:
    if limits.max_in_flight:
        held = _in_flight(s, account_id)
        if held >= limits.max_in_flight:
            return OverLimit("in_flight", held, limits.max_in_flight)
    if limits.max_in_flight_total:
        # Serialized over accounts by `_lock_admissions`, taken before this count.
        held = _in_flight_total(s)
        if held >= limits.max_in_flight_total:
            return OverLimit("queue_full", held, limits.max_in_flight_total)
    if limits.max_stored_bytes and adding:
        held = _stored_bytes(s, account_id)
        if held + adding > limits.max_stored_bytes:
            return OverLimit("stored_bytes", held, limits.max_stored_bytes)
    return None


def lock_account(s: Session, account_id: int) -> None:
    """Serializes one account's admissions: a write to the account's row, first in the
    transaction, before anything is counted.

    On PostgreSQL that is the row's lock (as FOR UPDATE). On SQLite a SELECT takes no
    lock at all -- FOR UPDATE is not SQL there, and the driver begins the transaction
    only at the first write -- so two processes counted the same audits and both
    inserted: eight API processes at once created eight audits under a limit of three.
    A write first takes SQLite's one write lock; the others wait for it (busy
    timeout), then count what it stored. Watching an audit takes it too, before the
    watched-links ceiling is counted (`store.watching.watches`).
    """
    s.execute(update(Account).where(Account.id == account_id).values(id=Account.id))


# The advisory lock's key: one number of the service's own ("CITE" in ASCII).
ADMISSION_LOCK = 0x43495445


def _lock_admissions(s: Session, limits: AccountLimits) -> None:
    """Serializes every account's admissions while the service-wide ceiling is on.

    Each admission locked its own account only: submissions of many accounts at once
    all counted the same audits in flight, all saw room and all inserted -- six
    accounts at one instant made six audits under a ceiling of two. On PostgreSQL a
    transaction-scoped advisory lock, taken first (before the account's row, in every
    admission, so no two wait on each other crosswise), makes the count and the insert
    one step; it ends with the transaction. SQLite needs none: the account's row write
    takes its one write lock, over every account. An admission is a few statements,
    so the queue behind this lock is short.
    """
    if limits.max_in_flight_total and s.get_bind().dialect.name == "postgresql":
        s.execute(select(func.pg_advisory_xact_lock(ADMISSION_LOCK)))


class Quotas:
    """Mixed into `Repository`: admission of new and retried audits within the limits."""

    def session(self) -> Session:  # pragma: no cover - provided by Repository
        raise NotImplementedError

    def in_flight(self, account_id: int) -> int:
        """The account's audits queued or running now."""
        with self.session() as s:
            return _in_flight(s, account_id)

    def over_limit(self, account_id: int, limits: AccountLimits) -> OverLimit | None:
        """A cheap look before an upload is read (the binding check is at creation)."""
        with self.session() as s:
            return _over(s, account_id, limits, adding=0)

    def create_audit_within(
        self,
        account_id: int,
        files: Iterable[NewFile],
        options: dict[str, Any],
        limits: AccountLimits,
    ) -> str | OverLimit:
        """The new audit's id, or the limit it would pass (then nothing is written)."""
        files = list(files)
        adding = sum(len(f.content) for f in files)
        with self.session() as s, s.begin():
            _lock_admissions(s, limits)
            lock_account(s, account_id)
            over = _over(s, account_id, limits, adding)
            if over is not None:
                return over
            return add_audit(s, account_id, files, options)

    def retry_within(self, audit_id: str, limits: AccountLimits) -> bool | OverLimit:
        """`Repository.retry` within the in-flight limit: a failed audit back to the
        queue (True), its finished chunks kept; False when it is not a failed audit."""
        with self.session() as s, s.begin():
            account_id = s.scalar(select(Audit.account_id).where(Audit.id == audit_id))
            if account_id is None:
                return False
            _lock_admissions(s, limits)
            lock_account(s, account_id)
            status = s.scalar(select(Audit.status).where(Audit.id == audit_id))
            if status != "failed":
                return False
            if s.get(Watch, audit_id) is not None:
                # Read again, a watched audit would hold links and DOIs the watched-links
                # ceiling never counted (svc31): unwatched first, it is counted when
                # watched again once done.
                return OverLimit("watched", 1, 0)
            over = _over(s, account_id, limits, adding=0)
            if over is not None:
                return over
            s.execute(
                update(Audit)
                .where(Audit.id == audit_id, Audit.status == "failed")
                .values(status="queued", error=None, attempts=0, updated_at=utcnow())
            )
            s.execute(
                delete(StepDelivery).where(
                    StepDelivery.audit_id == audit_id, StepDelivery.step.not_like(LIVE + "%")
                )
            )
            return True

    def behind_another_account(self, account_id: int) -> bool:
        """Whether an audit of another account waits (queued) while that account has
        fewer audits running than `account_id` has: then `account_id`'s next audit
        yields its turn (`workers.tasks.parse_audit`).

        Celery's queues are first in, first out over every account: one account's 20
        audits sent first were all read before another account's single audit (fair32).
        This is the embedded executor's order (`service.embedded`): the account with the
        fewest audits running goes first; at equal counts the audit sent first. The
        accounts with the fewest running never yield, so some audit always goes on.
        Audits left undispatched (the broker was down) are not waiting in a queue yet,
        so they hold no one back.
        """
        # A deleted audit whose step still runs holds a worker too (`DELETING`).
        running = func.sum(case((Audit.status.in_(("running", DELETING)), 1), else_=0))
        waiting = func.sum(
            case((and_(Audit.status == "queued", Audit.undispatched.is_(False)), 1), else_=0)
        )
        query = (
            select(Audit.account_id, running, waiting)
            .where(Audit.status.in_(COUNTED))
            .group_by(Audit.account_id)
        )
        with self.session() as s:
            rows = [(int(a), int(r or 0), int(w or 0)) for a, r, w in s.execute(query).all()]
        mine = next((r for a, r, _ in rows if a == account_id), 0)
        return any(a != account_id and w and r < mine for a, r, w in rows)
