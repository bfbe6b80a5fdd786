"""The one gateway to the store: accounts and tokens, audits, and the workers' progress.

Every method opens and commits its own short transaction, so the same Repository
serves API requests, threads of the embedded executor and Celery tasks. The job-side
writes are idempotent and race-safe: a task that runs twice (a redelivery after a
worker died) changes nothing the second time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, Engine, delete, func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from citeaudit.audit_data import AuditResult
from citeaudit.model.codec import from_data, to_data
from citeaudit.model.finding import Finding
from citeaudit.store.access import TOKEN_PREFIX, Access, hash_token
from citeaudit.store.held_bytes import chunk_bytes, measure, record
from citeaudit.store.insert_if_absent import insert_ignore
from citeaudit.store.quotas import DELETING, IN_FLIGHT, LIVE, Quotas, add_audit
from citeaudit.store.tables import (
    Audit,
    AuditCitation,
    AuditFile,
    AuditLink,
    AuditReference,
    AuditResultRow,
    Chunk,
    FindingRow,
    Link,
    LinkCheckRow,
    ResolutionRow,
    StepDelivery,
)
from citeaudit.store.views import AuditView, ChunkView, NewFile, StoredFile
from citeaudit.store.watching.times import aware, maybe_aware, utcnow

__all__ = ["TOKEN_PREFIX", "Repository", "hash_token"]

RESULTS_KEPT = 4  # decoded finished audits a process keeps


def _view(audit: Audit, files: Sequence[str] = ()) -> AuditView:
    return AuditView(
        id=audit.id,
        account_id=audit.account_id,
        status=audit.status,
        phase=audit.phase,
        progress_done=audit.progress_done,
        progress_total=audit.progress_total,
        options=dict(audit.options or {}),
        counts=dict(audit.counts) if audit.counts is not None else None,
        error=audit.error,
        attempts=audit.attempts,
        created_at=aware(audit.created_at),
        updated_at=aware(audit.updated_at),
        finished_at=maybe_aware(audit.finished_at),
        files=tuple(files),
    )


def _chunk_view(chunk: Chunk) -> ChunkView:
    return ChunkView(
        id=chunk.id,
        audit_id=chunk.audit_id,
        phase=chunk.phase,
        position=chunk.position,
        reference_ids=tuple(chunk.reference_ids),
        status=chunk.status,
        result=chunk.result,
        worker=chunk.worker,
    )


class Repository(Access, Quotas):
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._session = sessionmaker(engine, expire_on_commit=False)
        self._results: OrderedDict[str, AuditResult] = OrderedDict()
        self._lock = threading.Lock()

    def session(self) -> Session:
        return self._session()

    # -- audits, the API side --------------------------------------------------------

    def create_audit(
        self, account_id: int, files: Iterable[NewFile], options: dict[str, Any]
    ) -> str:
        with self.session() as s, s.begin():
            return add_audit(s, account_id, files, options)

    def get_audit(self, audit_id: str, account_id: int | None = None) -> AuditView | None:
        """The audit, or None when it does not exist or belongs to another account."""
        with self.session() as s:
            audit = s.get(Audit, audit_id)
            if audit is None or (account_id is not None and audit.account_id != account_id):
                return None
            if account_id is not None and audit.status == DELETING:
                return None  # deleted by its owner; only its running step still holds it
            names = s.scalars(
                select(AuditFile.name).where(AuditFile.audit_id == audit_id).order_by(AuditFile.id)
            ).all()
            return _view(audit, names)

    def list_audits(
        self, account_id: int, *, offset: int, limit: int
    ) -> tuple[list[AuditView], int]:
        with self.session() as s:
            total = s.scalar(
                select(func.count())
                .select_from(Audit)
                .where(Audit.account_id == account_id, Audit.status != DELETING)
            )
            rows = s.scalars(
                select(Audit)
                .where(Audit.account_id == account_id, Audit.status != DELETING)
                .order_by(Audit.created_at.desc(), Audit.id)
                .offset(offset)
                .limit(limit)
            ).all()
            return [_view(a) for a in rows], int(total or 0)

    def delete_audit(self, audit_id: str, account_id: int) -> bool:
        """The audit and everything it holds gone for its owner (False: not theirs).

        An audit in flight whose step runs now (`begin_step`) keeps its row, marked
        `DELETING` and hidden, until that step ends (`end_step`): it still counts in
        its account's audits in flight. Freed at once, an account at its limit could
        send, delete and send again, each deleted audit's step (up to 480 s) still at
        work in a worker -- more steps of one account at once than its limit allows.
        """
        with self.session() as s, s.begin():
            audit = s.get(Audit, audit_id, with_for_update=True)
            if audit is None or audit.account_id != account_id or audit.status == DELETING:
                return False
            running = audit.status in IN_FLIGHT and bool(_live_steps(s, audit_id))
            _delete_rows(s, audit_id, keep_live=running)
            if running:
                audit.status = DELETING
                audit.updated_at = utcnow()
                audit.held_bytes = 0
            else:
                s.delete(audit)
        with self._lock:
            self._results.pop(audit_id, None)
        return True

    def begin_step(self, audit_id: str, step: str) -> int:
        """One more start of `step` counted (`count_delivery`'s count returned) and the
        step noted as running (0, nothing noted: the audit is gone or deleted)."""
        with self.session() as s, s.begin():
            audit = s.get(Audit, audit_id, with_for_update=True)
            if audit is None or audit.status == DELETING:
                return 0
            count = _bump(s, audit_id, step, 1)
            _bump(s, audit_id, LIVE + step, 1)
            return count

    def end_step(self, audit_id: str, step: str) -> None:
        """`step` no longer running; a deleted audit goes once none of its steps runs."""
        with self.session() as s, s.begin():
            audit = s.get(Audit, audit_id, with_for_update=True)
            if audit is None:
                return
            row = s.get(StepDelivery, (audit_id, LIVE + step))
            if row is not None:
                if row.count > 1:
                    row.count -= 1
                else:
                    s.delete(row)
                    s.flush()
            if audit.status == DELETING and not _live_steps(s, audit_id):
                _delete_rows(s, audit_id, keep_live=False)
                s.delete(audit)

    def purge_deleted(self, idle: timedelta | None = None) -> int:
        """Deleted audits whose step never said it ended (its worker was killed), gone
        once `idle` passed since they were deleted (None: all, at the embedded executor's
        start, when no step of this process runs: the notes of steps a stopped server
        left running go too, or a later deletion of their audit would wait on them for
        ever). Returns how many audits went."""
        with self.session() as s, s.begin():
            if idle is None:
                s.execute(delete(StepDelivery).where(StepDelivery.step.like(LIVE + "%")))
            query = select(Audit).where(Audit.status == DELETING)
            if idle is not None:
                query = query.where(Audit.updated_at < utcnow() - idle)
            gone = s.scalars(query).all()
            for audit in gone:
                _delete_rows(s, audit.id, keep_live=False)
                s.delete(audit)
            return len(gone)

    def files(self, audit_id: str) -> list[StoredFile]:
        with self.session() as s:
            rows = s.scalars(
                select(AuditFile).where(AuditFile.audit_id == audit_id).order_by(AuditFile.id)
            ).all()
            return [StoredFile(f.role, f.name, f.kind, f.size, f.content) for f in rows]

    def findings(
        self, audit_id: str, *, rule: str | None = None, severity: str | None = None
    ) -> list[dict[str, Any]]:
        query = select(FindingRow.data).where(FindingRow.audit_id == audit_id)
        if rule:
            query = query.where((FindingRow.rule == rule) | (FindingRow.code == rule))
        if severity:
            query = query.where(FindingRow.severity == severity)
        with self.session() as s:
            return [dict(d) for d in s.scalars(query.order_by(FindingRow.position)).all()]

    def typed_findings(self, audit_id: str) -> list[Finding]:
        """The audit's findings so far (the offline ones while it runs), typed: a row
        holds the JSON report's finding object, which the codec reads as a `Finding`."""
        return [from_data(Finding, f) for f in self.findings(audit_id)]

    def result(self, audit_id: str) -> AuditResult | None:
        """The finished audit, typed; None until it is finished.

        A finished audit never changes, so the last few decoded are kept: an editor's
        reloads, filters and downloads of one audit decode it once.
        """
        with self._lock:
            if audit_id in self._results:
                self._results.move_to_end(audit_id)
                return self._results[audit_id]
        with self.session() as s:
            row = s.get(AuditResultRow, audit_id)
            data = row.data if row is not None else None
        if data is None:
            return None
        result = from_data(AuditResult, data)
        with self._lock:
            self._results[audit_id] = result
            while len(self._results) > RESULTS_KEPT:
                self._results.popitem(last=False)
        return result

    # -- the workers' side ------------------------------------------------------------

    def begin_parse(self, audit_id: str) -> AuditView | None:
        """Marks the audit running; None when it is gone or already finished."""
        with self.session() as s, s.begin():
            audit = s.get(Audit, audit_id)
            if audit is None or audit.status in ("done", "failed", DELETING):
                return None
            audit.status = "running"
            audit.phase = "offline" if audit.phase == "queued" else audit.phase
            audit.updated_at = utcnow()
            return _view(audit)

    def save_offline(
        self,
        audit_id: str,
        *,
        references: Sequence[dict[str, Any]],
        citations: Sequence[dict[str, Any]],
        findings: Sequence[dict[str, Any]],
        chunks: Sequence[tuple[str, Sequence[str]]],
        links: Sequence[dict[str, Any]] = (),
    ) -> list[ChunkView]:
        """Stores what parsing found and the chunks to run; returns the unfinished chunks.

        `links` are the references' URLs and DOI links (``url``, ``reference_ids``):
        each is tied to the audit now, not yet checked (``check_id`` NULL), so that a
        watched audit watches all of them even when its link phase never ran or could
        not reach anything; the final step attaches the audit's own checks.

        Parsing again (a redelivered task) keeps the chunks made the first time, some of
        which may already be done.
        """
        with self.session() as s, s.begin():
            audit = s.get(Audit, audit_id, with_for_update=True)
            if audit is None:
                return []
            self._tie_links(s, audit_id, links, checked=False)
            existing = s.scalars(select(Chunk).where(Chunk.audit_id == audit_id)).all()
            if not existing:
                for table in (AuditReference, AuditCitation, FindingRow):
                    s.execute(delete(table).where(table.audit_id == audit_id))
                s.add_all(
                    AuditReference(
                        audit_id=audit_id,
                        reference_id=r["id"],
                        position=i,
                        raw=r["raw"],
                        doi=r.get("doi"),
                        year=r.get("year"),
                        title=r.get("title"),
                    )
                    for i, r in enumerate(references)
                )
                s.add_all(
                    AuditCitation(
                        audit_id=audit_id,
                        citation_id=c["id"],
                        text=c["text"],
                        file=c["location"]["file"],
                        line=c["location"].get("line"),
                        column=c["location"].get("column"),
                    )
                    for c in citations
                )
                self._add_findings(s, audit_id, findings)
                existing = [
                    Chunk(audit_id=audit_id, phase=phase, position=i, reference_ids=list(ids))
                    for i, (phase, ids) in enumerate(chunks)
                ]
                s.add_all(existing)
                s.flush()
                audit.counts = _counts(findings)
            audit.progress_total = len(existing)
            audit.progress_done = sum(1 for c in existing if c.status == "done")
            audit.held_bytes = measure(s, audit_id)  # counted by the stored-bytes quota
            audit.phase = "network" if existing else "assembling"
            audit.updated_at = utcnow()
            return [_chunk_view(c) for c in existing if c.status != "done"]

    @staticmethod
    def _add_findings(s: Session, audit_id: str, findings: Sequence[dict[str, Any]]) -> None:
        s.add_all(
            FindingRow(
                audit_id=audit_id,
                position=i,
                rule=f["rule"],
                code=f["code"],
                severity=f["severity"],
                message=f["message"],
                data=f,
            )
            for i, f in enumerate(findings)
        )

    def chunk(self, chunk_id: int) -> ChunkView | None:
        with self.session() as s:
            chunk = s.get(Chunk, chunk_id)
            return _chunk_view(chunk) if chunk is not None else None

    def chunks(self, audit_id: str) -> list[ChunkView]:
        with self.session() as s:
            rows = s.scalars(
                select(Chunk).where(Chunk.audit_id == audit_id).order_by(Chunk.position)
            ).all()
            return [_chunk_view(c) for c in rows]

    def complete_chunk(self, chunk_id: int, result: dict[str, Any], worker: str) -> bool:
        """Records a chunk's result once; True when this made the audit's last chunk done.

        The audit row is locked first, so of two chunks finishing together exactly
        one sees "all done" (PostgreSQL row lock; SQLite has one writer anyway).
        """
        with self.session() as s, s.begin():
            chunk = s.get(Chunk, chunk_id)
            if chunk is None:
                return False
            audit = s.get(Audit, chunk.audit_id, with_for_update=True)
            if audit is None:
                return False
            changed = s.execute(
                update(Chunk)
                .where(Chunk.id == chunk_id, Chunk.status == "pending")
                .values(status="done", result=result, worker=worker, updated_at=utcnow())
            )
            if not getattr(changed, "rowcount", 0):
                return False
            audit.held_bytes = (audit.held_bytes or 0) + chunk_bytes(s, chunk_id)
            done = (
                s.scalar(
                    select(func.count())
                    .select_from(Chunk)
                    .where(Chunk.audit_id == audit.id, Chunk.status == "done")
                )
                or 0
            )
            audit.progress_done = int(done)
            audit.updated_at = utcnow()
            return audit.progress_done >= audit.progress_total

    def save_final(
        self,
        audit_id: str,
        *,
        findings: Sequence[dict[str, Any]],
        resolutions: Sequence[dict[str, Any]],
        links: Sequence[dict[str, Any]],
        result: AuditResult,
    ) -> bool:
        """Stores the finished audit once; False when it was already finished (or gone).

        `findings`, `resolutions` and `links` are the rows the API filters and the watch
        follows, in the JSON report's shape; `result` is the audit itself, kept whole
        except its manuscripts' text, which stays in the uploaded files.
        """
        with self.session() as s, s.begin():
            now = utcnow()
            claimed = s.execute(
                update(Audit)
                .where(Audit.id == audit_id, Audit.status.in_(IN_FLIGHT))
                .values(
                    status="done",
                    phase="done",
                    finished_at=now,
                    updated_at=now,
                    counts=_counts(findings),
                    error=None,
                )
            )
            if not getattr(claimed, "rowcount", 0):
                return False
            # Audit links stay: parsing tied every reference URL to the audit already.
            for table in (FindingRow, ResolutionRow, AuditResultRow):
                s.execute(delete(table).where(table.audit_id == audit_id))
            self._add_findings(s, audit_id, findings)
            s.add_all(
                ResolutionRow(
                    audit_id=audit_id,
                    reference_id=r["reference_id"],
                    state=r["state"],
                    doi=r.get("doi"),
                    data=r,
                )
                for r in resolutions
            )
            self._tie_links(s, audit_id, links, checked=True)
            s.add(AuditResultRow(audit_id=audit_id, data=to_data(_without_text(result))))
            record(s, audit_id)  # what it keeps now, counted by the stored-bytes quota
        return True

    def _tie_links(
        self, s: Session, audit_id: str, links: Sequence[dict[str, Any]], *, checked: bool
    ) -> None:
        """The audit cites each link's ``url`` from its ``reference_ids``; with `checked`,
        each link is also the audit's own check of it (a `LinkCheckRow`, the history).

        In batches: a few statements per 500 links. One link at a time made about five
        round trips each, and storing a 2,000-link audit's result took 24 s."""
        ids = _link_ids(s, [str(link["url"]) for link in links])
        checks = _add_checks(s, ids, links) if checked else {}
        existing = {
            row.link_id: row
            for row in s.scalars(select(AuditLink).where(AuditLink.audit_id == audit_id))
        }
        for link in links:
            url = str(link["url"])
            check_id = checks.get(ids[url])
            row = existing.get(ids[url])
            if row is None:
                row = AuditLink(
                    audit_id=audit_id,
                    link_id=ids[url],
                    check_id=check_id,
                    reference_ids=list(dict.fromkeys(link.get("reference_ids", ()))),
                )
                s.add(row)
                existing[ids[url]] = row
                continue
            before = list(row.reference_ids or ())
            merged = list(dict.fromkeys([*before, *link.get("reference_ids", ())]))
            if merged != before:
                row.reference_ids = merged
            if check_id is not None:
                row.check_id = check_id

    def mark_failed(self, audit_id: str, reason: str) -> None:
        with self.session() as s, s.begin():
            s.execute(
                update(Audit)
                .where(Audit.id == audit_id, Audit.status.in_(IN_FLIGHT))
                .values(status="failed", error=reason, updated_at=utcnow())
            )

    def _unfinished(self, *where: ColumnElement[bool]) -> list[AuditView]:
        with self.session() as s:
            query = select(Audit).where(Audit.status.in_(IN_FLIGHT), *where)
            return [_view(a) for a in s.scalars(query).all()]

    def stalled(self, idle: timedelta) -> list[AuditView]:
        """Unfinished audits with no progress for `idle`: lost messages, dead workers."""
        return self._unfinished(Audit.updated_at < utcnow() - idle)

    def unfinished(self) -> list[AuditView]:
        return self._unfinished()

    def set_undispatched(self, audit_id: str, value: bool) -> None:
        with self.session() as s, s.begin():
            s.execute(update(Audit).where(Audit.id == audit_id).values(undispatched=value))

    def undispatched(self) -> list[AuditView]:
        """Unfinished audits whose dispatch failed (the broker was down)."""
        return self._unfinished(Audit.undispatched.is_(True))

    def count_delivery(self, audit_id: str, step: str) -> int:
        """Counts one more start of `step` of the audit; returns the count, this one included.

        Race-safe: the audit row is locked first (PostgreSQL), so two deliveries of one
        step at once count 1 and 2.
        """
        with self.session() as s, s.begin():
            if s.get(Audit, audit_id, with_for_update=True) is None:
                return 0
            return _bump(s, audit_id, step, 1)

    def touch(self, audit_id: str, *, attempt: bool = False) -> None:
        values: dict[str, Any] = {"updated_at": utcnow()}
        if attempt:
            values["attempts"] = Audit.attempts + 1
        with self.session() as s, s.begin():
            s.execute(update(Audit).where(Audit.id == audit_id).values(**values))


_AUDIT_ROWS = (
    AuditFile,
    AuditReference,
    AuditCitation,
    FindingRow,
    ResolutionRow,
    AuditLink,
    Chunk,
    AuditResultRow,
)


def _bump(s: Session, audit_id: str, step: str, by: int) -> int:
    row = s.get(StepDelivery, (audit_id, step))
    if row is None:
        row = StepDelivery(audit_id=audit_id, step=step, count=0)
        s.add(row)
    row.count += by
    return row.count


def _live_steps(s: Session, audit_id: str) -> list[str]:
    query = select(StepDelivery.step).where(
        StepDelivery.audit_id == audit_id, StepDelivery.step.like(LIVE + "%")
    )
    return list(s.scalars(query).all())


def _delete_rows(s: Session, audit_id: str, *, keep_live: bool) -> None:
    """Everything the audit holds but its row (and, with `keep_live`, the notes of its
    steps running now)."""
    for table in _AUDIT_ROWS:
        s.execute(delete(table).where(table.audit_id == audit_id))
    steps = delete(StepDelivery).where(StepDelivery.audit_id == audit_id)
    if keep_live:
        steps = steps.where(StepDelivery.step.not_like(LIVE + "%"))
    s.execute(steps)


def _without_text(result: AuditResult) -> AuditResult:
    """The result as reports need it: each manuscript's files, not its text (its lines
    and its reference list's entries, which the references hold already)."""
    manuscripts = tuple(
        dataclasses.replace(d, lines=(), reference_entries=()) for d in result.data.manuscripts
    )
    return dataclasses.replace(
        result, data=dataclasses.replace(result.data, manuscripts=manuscripts)
    )


def _counts(findings: Sequence[dict[str, Any]]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f["severity"]] = counts.get(f["severity"], 0) + 1
    return counts


_BATCH = 500  # rows a statement names: well inside SQLite's and PostgreSQL's limits


def _link_ids(s: Session, urls: Sequence[str]) -> dict[str, int]:
    """Each URL's link row id, the new ones added (race-safe between audits: insert if
    absent, then read)."""
    hashes = {hashlib.sha256(url.encode("utf-8")).hexdigest(): url for url in urls}
    keys = list(hashes)
    ids: dict[str, int] = {}
    for at in range(0, len(keys), _BATCH):
        part = keys[at : at + _BATCH]
        insert_ignore(s, Link, [{"url_hash": h, "url": hashes[h]} for h in part], ["url_hash"])
        for url_hash, link_id in s.execute(
            select(Link.url_hash, Link.id).where(Link.url_hash.in_(part))
        ):
            ids[hashes[url_hash]] = link_id
    return ids


def _add_checks(s: Session, ids: dict[str, int], links: Sequence[dict[str, Any]]) -> dict[int, int]:
    """The links' checks added to their history; link id -> its new check's id (the
    last, should a URL come twice)."""
    rows = [
        {
            "link_id": ids[str(link["url"])],
            "outcome": link["outcome"],
            "reason": link.get("reason"),
            "status": link.get("status"),
            "checked_at": utcnow(),
            "data": link,
        }
        for link in links
    ]
    made: dict[int, int] = {}
    for at in range(0, len(rows), _BATCH):
        # Rows told apart by their link id, not their order: asking the database for
        # the order makes SQLite send one row a statement.
        stmt = insert(LinkCheckRow).returning(LinkCheckRow.link_id, LinkCheckRow.id)
        for link_id, check_id in s.execute(stmt, rows[at : at + _BATCH]):
            made[link_id] = check_id
    return made
