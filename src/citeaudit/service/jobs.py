"""The steps of an audit, each taking ids and leaving its results in the store.

Every step may run twice or on another machine (a redelivered task); each re-reads
what it needs by id and writes idempotently, so the worst a repeat costs is time.
Each returns what should run next; the caller (thread pool or Celery task) runs or
enqueues it.

An audit has at most `CHUNKS_IN_FLIGHT` chunks of a phase owed at once: reading the
files owes the first ones, each chunk that ends owes the one `CHUNKS_IN_FLIGHT` places
after it in its phase, the sweeper's revival the first unfinished ones. All of them
were owed at once: twenty audits of one account (its limit in flight), 100 chunks a
phase each, queued 4,000 tasks ahead of every later audit's in the FIFO queues, each
free to spend its time limit; now later audits queue behind a few of each audit's.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from citeaudit.audit import run_rules
from citeaudit.audit_data import AuditData, AuditResult
from citeaudit.enrichment import Enricher
from citeaudit.links.enricher import reference_targets
from citeaudit.model.codec import to_data
from citeaudit.model.link import LinkCheck
from citeaudit.phases import max_network_checks
from citeaudit.report.serialize import finding_dict, links_by_reference, to_dict
from citeaudit.service.chunks import assemble as merge_chunks
from citeaudit.service.chunks import budgets, plan
from citeaudit.service.chunks import run_chunk as enrich_chunk
from citeaudit.service.enrichers import enrichers_for, phase_options
from citeaudit.service.inputs import cached_read
from citeaudit.service.reasons import gave_up, timed_out
from citeaudit.service.stage import Stage
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.views import AuditView, ChunkView

log = logging.getLogger(__name__)

QUEUE_AUDITS = "audits"
QUEUE_REGISTRY = "registry"
QUEUE_LINKS = "links"
# Chunks of one phase of one audit owed (queued or running) at once.
CHUNKS_IN_FLIGHT = 4


def queue_for(phase: str) -> str:
    """Link checks and registry look-ups never wait behind each other."""
    return QUEUE_LINKS if phase == "links" else QUEUE_REGISTRY


@dataclass(frozen=True, slots=True)
class Next:
    chunks: tuple[ChunkView, ...] = ()
    parse: bool = False
    assemble: bool = False


STEP_PARSE = "parse"
STEP_ASSEMBLE = "assemble"


def chunk_step(chunk_id: int) -> str:
    return f"chunk:{chunk_id}"


def describe(step: str, phase: str | None = None) -> str:
    """A step in the words an audit's owner reads."""
    if step == STEP_PARSE:
        return "reading the files"
    if step == STEP_ASSEMBLE:
        return "assembling the report"
    return f"a chunk of the {phase or 'network'} phase"


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class Jobs:
    def __init__(self, repo: Repository, settings: ServiceSettings) -> None:
        self.repo = repo
        self.settings = settings

    def parse(self, audit_id: str, stage: Stage | None = None) -> Next:
        """Read the inputs, store the offline findings and the chunks to run.

        `stage` is told each stage entered (the upload being read, the matching, the
        rules, the storing): a step stopped at its time limit names it."""
        stage = stage if stage is not None else Stage("")
        audit = self.repo.begin_parse(audit_id)
        if audit is None or not self._admitted(audit_id, STEP_PARSE):
            return Next()
        try:
            return self._parse(audit, stage)
        finally:
            self.repo.end_step(audit_id, STEP_PARSE)

    def _parse(self, audit: AuditView, stage: Stage) -> Next:
        audit_id = audit.id
        options = phase_options(audit.options)
        stage.at("reading the uploads")
        data = cached_read(
            audit_id, self.repo.files(audit_id), self.settings.max_citations, stage.at
        )
        enrichers = enrichers_for(self.settings, options)
        Enricher.close_all(enrichers)  # only their phases are needed, to plan the chunks
        offline = merge_chunks(data, [], options.skip_reasons())
        stage.at(
            f"applying the rules to {len(offline.references):,} references and "
            f"{len(offline.citations):,} citations"
        )
        result = AuditResult(
            data=offline,
            findings=run_rules(offline, max_per_rule=self.settings.max_findings_per_rule),
        )
        stage.at("storing the findings")
        report = to_dict(result)
        pending = self.repo.save_offline(
            audit_id,
            references=report["references"],
            citations=report["citations"],
            findings=report["findings"],
            chunks=plan(data, enrichers, self.settings.chunk_size),
            links=_reference_links(data, max_network_checks(self.settings)),
        )
        owed = first_owed(self.repo.chunks(audit_id)) if pending else ()
        return Next(chunks=owed, assemble=not pending)

    def run_chunk(self, chunk_id: int) -> Next:
        chunk = self.repo.chunk(chunk_id)
        if chunk is None:
            return Next()
        if chunk.status == "done":
            # Done before a redelivery: the chunk after it, or the assembly, may still be
            # owed (its worker died after storing the result, before sending them).
            if self._all_done(chunk.audit_id):
                return Next(assemble=True)
            return Next(chunks=self._successor(chunk))
        audit = self.repo.get_audit(chunk.audit_id)
        if audit is None or audit.status in ("done", "failed"):
            return Next()
        if not self._admitted(audit.id, chunk_step(chunk.id), chunk.phase):
            return Next()
        try:
            return self._run_chunk(chunk, audit)
        finally:
            self.repo.end_step(audit.id, chunk_step(chunk.id))

    def _run_chunk(self, chunk: ChunkView, audit: AuditView) -> Next:
        chunk_id = chunk.id
        options = phase_options(audit.options, audit.account_id)
        data = cached_read(audit.id, self.repo.files(audit.id), self.settings.max_citations)
        enrichers = enrichers_for(self.settings, options)
        try:
            result = enrich_chunk(data, enrichers, chunk.phase, chunk.reference_ids)
        finally:
            # A worker runs thousands of chunks: each one's registry clients and their
            # sockets are let go when it ends, not when the process does.
            Enricher.close_all(enrichers)
        last = self.repo.complete_chunk(chunk_id, result, worker_name())
        if last:
            return Next(assemble=True)
        stored = self.repo.chunk(chunk_id)
        if stored is None or stored.worker != worker_name():
            return Next()  # another delivery of it stored it, and sends what follows
        return Next(chunks=self._successor(chunk))

    def _successor(self, chunk: ChunkView) -> tuple[ChunkView, ...]:
        """The next unfinished chunk of `chunk`'s chain, while the audit runs.

        A phase's chunks form `CHUNKS_IN_FLIGHT` chains (every `CHUNKS_IN_FLIGHT`-th
        chunk, `first_owed`); each chunk that ends sends the next of its own, so
        each chain has one chunk in flight and each chunk is sent by one other."""
        audit = self.repo.get_audit(chunk.audit_id)
        if audit is None or audit.status in ("done", "failed"):
            return ()
        same = [c for c in self.repo.chunks(chunk.audit_id) if c.phase == chunk.phase]
        at = next((i for i, c in enumerate(same) if c.id == chunk.id), None)
        if at is None:
            return ()
        after = next(
            (c for c in same[at + CHUNKS_IN_FLIGHT :: CHUNKS_IN_FLIGHT] if c.status != "done"), None
        )
        return (after,) if after is not None else ()

    def _all_done(self, audit_id: str) -> bool:
        audit = self.repo.get_audit(audit_id)
        return (
            audit is not None
            and audit.status == "running"
            and all(c.status == "done" for c in self.repo.chunks(audit_id))
        )

    def assemble(self, audit_id: str) -> bool:
        """Findings over everything every chunk found; stored once. True when stored now."""
        audit = self.repo.get_audit(audit_id)
        if audit is None or audit.status in ("done", "failed"):
            return False
        chunks = self.repo.chunks(audit_id)
        if any(c.status != "done" for c in chunks):
            return False
        if not self._admitted(audit_id, STEP_ASSEMBLE):
            return False
        try:
            return self._assemble(audit, chunks)
        finally:
            self.repo.end_step(audit_id, STEP_ASSEMBLE)

    def _assemble(self, audit: AuditView, chunks: Sequence[ChunkView]) -> bool:
        audit_id = audit.id
        options = phase_options(audit.options)
        data = cached_read(audit_id, self.repo.files(audit_id), self.settings.max_citations)
        enrichers = enrichers_for(self.settings, options)
        Enricher.close_all(enrichers)  # only their phases' budgets are needed
        merged = merge_chunks(
            data,
            [c.result or {} for c in chunks],
            options.skip_reasons(),
            budgets(enrichers),
        )
        result = AuditResult(
            data=merged,
            findings=run_rules(merged, max_per_rule=self.settings.max_findings_per_rule),
        )
        ids = [r.id for r in merged.references]
        by_reference = links_by_reference(result)
        unique: dict[str, LinkCheck] = {}  # each URL once, where the report first lists it
        for link in (link for i in ids for link in by_reference.get(i, ())):
            unique.setdefault(link.url, link)
        return self.repo.save_final(
            audit_id,
            findings=[finding_dict(f) for f in result.findings],
            resolutions=[to_data(merged.resolutions[i]) for i in ids if i in merged.resolutions],
            links=[to_data(link) for link in unique.values()],
            result=result,
        )

    def _admitted(self, audit_id: str, step: str, phase: str | None = None) -> bool:
        """False (and the audit failed) once a step was started `max_deliveries` times.

        A poison input that kills its worker comes back with every redelivery
        (`acks_late`); counting the starts in the store bounds that, whichever
        worker or process picks it up.
        """
        starts = self.repo.begin_step(audit_id, step)  # noted running until `end_step`
        if starts == 0:
            return False  # gone, or deleted by its owner
        if starts <= self.settings.max_deliveries:
            return True
        reason = gave_up(
            audit_id, describe(step, phase), starts - 1, kept_any=self.kept_any(audit_id)
        )
        self.fail(audit_id, reason)
        self.repo.end_step(audit_id, step)
        return False

    def kept_any(self, audit_id: str) -> bool:
        """Whether the audit's offline findings are stored (its counts are set with them,
        in one transaction): what a failed audit's reason may say is kept."""
        audit = self.repo.get_audit(audit_id)
        return audit is not None and audit.counts is not None

    def fail_timed_out(
        self, audit_id: str, what: str, limit: float, during: str | None = None
    ) -> None:
        """Fail the audit with the reason for a step stopped at its time limit, saying
        what is kept as the store has it."""
        self.fail(
            audit_id, timed_out(audit_id, what, limit, during, kept_any=self.kept_any(audit_id))
        )

    def fail(self, audit_id: str, reason: str) -> None:
        log.warning("audit %s failed: %s", audit_id, reason)
        self.repo.mark_failed(audit_id, reason)

    def sweep(self) -> dict[str, Next]:
        """Steps owed by audits that stopped moving; the hopeless ones marked failed.

        Messages lost with a broker restart, or a step that crashed, leave an audit
        "running" with nobody working on it; this puts it back in motion, and after
        `max_attempts` tries gives up with a reason instead of leaving it stuck.
        Audits that came in while the broker was down are sent now.
        """
        owed: dict[str, Next] = {}
        # A deleted audit whose step's worker was killed never hears it end.
        self.repo.purge_deleted(timedelta(seconds=self.settings.stall_after))
        for audit in self.repo.undispatched():  # the broker was down when it came in
            self.repo.set_undispatched(audit.id, False)
            owed[audit.id] = self.owed(audit.id)
        for audit in self.repo.stalled(timedelta(seconds=self.settings.stall_after)):
            if audit.id in owed:
                continue
            if audit.attempts >= self.settings.max_attempts:
                self.fail(
                    audit.id,
                    f"no progress after {audit.attempts} attempts "
                    f"(workers or broker unavailable); retry with POST "
                    f"/api/v1/audits/{audit.id}/retry",
                )
                continue
            self.repo.touch(audit.id, attempt=True)
            owed[audit.id] = self.owed(audit.id)
        return owed

    def owed(self, audit_id: str) -> Next:
        chunks = self.repo.chunks(audit_id)
        if not chunks:
            return Next(parse=True)
        pending = [c for c in chunks if c.status != "done"]
        return Next(chunks=first_owed(chunks), assemble=not pending)


def first_owed(chunks: Sequence[ChunkView]) -> tuple[ChunkView, ...]:
    """The first unfinished chunk of each chain of each phase: at most
    `CHUNKS_IN_FLIGHT` a phase. `chunks` are all of the audit's, in order; a phase's
    chain `r` is its chunks `r`, `r + CHUNKS_IN_FLIGHT`, `r + 2 * CHUNKS_IN_FLIGHT`, ..."""
    by_phase: dict[str, list[ChunkView]] = {}
    for chunk in chunks:
        by_phase.setdefault(chunk.phase, []).append(chunk)
    owed: list[ChunkView] = []
    for same in by_phase.values():
        for chain in range(CHUNKS_IN_FLIGHT):
            first = next((c for c in same[chain::CHUNKS_IN_FLIGHT] if c.status != "done"), None)
            if first is not None:
                owed.append(first)
    return tuple(sorted(owed, key=lambda c: c.position))


def _reference_links(data: AuditData, limit: int) -> list[dict[str, object]]:
    """The references' URL and DOI links, as the link phase would name them, up to the
    audit's network budget.

    Stored with the offline part, so that watching an audit watches them even when its
    link phase is off or could not check anything. Watching re-checks every stored link
    on every sweep, so an upload listing a million URLs must not buy a million requests
    a night: the same budget that bounds the audit's own checks bounds what it watches.
    """
    targets = list(reference_targets(data.references).values())[: max(0, limit)]
    return [{"url": target.display, "reference_ids": ids} for target, ids in targets]
