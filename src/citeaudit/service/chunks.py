"""Fanning a network phase out over slices of the references, and merging it back.

A chunk runs the phase's enrichers on the audit data with the bibliography cut down
to the chunk's references; its resolutions, link checks and phase statuses are
stored as JSON. Merging gives the same data one in-process run would have produced:
link checks of one URL found by several chunks become one, citing all their
references; a phase is done only when every chunk of it was.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from citeaudit.audit import record_skipped
from citeaudit.audit_data import AuditData, NetworkResults, Phase, PhaseStatus
from citeaudit.bibliography.interface import Bibliography
from citeaudit.enrichment import Enricher
from citeaudit.links.enricher import NETWORK_UNREACHABLE, TIME_RAN_OUT, links_status
from citeaudit.links.targets import LINK_KEYS
from citeaudit.model.codec import from_data, to_data
from citeaudit.model.link import LinkCheck
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import Resolution
from citeaudit.network_budget import RAW_KEYS, apply, cut
from citeaudit.resolve.run_status import broken_from, run_status
from citeaudit.target_keys import TargetKeys


def _keys(phase: Phase) -> TargetKeys:
    return LINK_KEYS if phase is Phase.LINKS else RAW_KEYS


def budgets(enrichers: Sequence[Enricher]) -> dict[Phase, int]:
    """Each phase's budget of checks for the whole audit (its enrichers' smallest)."""
    out: dict[Phase, int] = {}
    for e in enrichers:
        out[e.phase] = min(out.get(e.phase, e.max_checks), max(0, e.max_checks))
    return out


def within_budget(data: AuditData, phase: Phase, limit: int | None) -> AuditData:
    """The audit data a phase may check: cut to its budget over the whole audit (the
    same cut an in-process run makes, `network_budget.cut`), so chunks together never
    ask more than one run would.

    A worker runs the chunks of one audit one after another on the same data (read
    once per process, `inputs.cached_read`): the cut is remembered for that very
    object, or a phase of up to 250 chunks walked every reference of a 100,000-entry
    upload 250 times."""
    return _remembered_cut(data, phase, limit).allowed


@dataclasses.dataclass(frozen=True)
class _Cut:
    data: AuditData  # what was cut
    limit: int | None
    allowed: AuditData  # the cut
    references: tuple[Reference, ...]  # the cut's references, in list order
    positions: dict[str, list[int]]  # reference id -> where in `references`


def _remembered_cut(data: AuditData, phase: Phase, limit: int | None) -> _Cut:
    last = _last_cut.get(phase)
    if last is not None and last.data is data and last.limit == limit:
        return last
    part = None if limit is None else cut(data, phase, max(0, limit), _keys(phase))
    allowed = data if part is None else part.data
    references = allowed.references
    positions: dict[str, list[int]] = {}
    for at, ref in enumerate(references):
        positions.setdefault(ref.id, []).append(at)
    _last_cut[phase] = _Cut(data, limit, allowed, references, positions)
    return _last_cut[phase]


# Per phase: the last cut made; one audit's at a time.
_last_cut: dict[Phase, _Cut] = {}


# Chunks one phase of one audit is cut into, at most. Every chunk is a task of its own,
# all queued at once, and each reads the audit's uploads again in a worker process that
# has not yet (`inputs.cached_read`; a process past its memory is replaced after its
# task, cache and all). Cut by the chunk size alone, an upload of 5,000 references was
# 250 tasks a phase: 500 queued ahead of every later audit's, each one free to spend
# its whole time limit (worker-days for one upload), and up to 500 re-reads of a 20 MB
# upload. Past 100 chunks the chunks grow instead (50 references at the default budget:
# tens of seconds of look-ups at the registries' concurrency, inside a chunk's deadline).
MAX_CHUNKS_PER_PHASE = 100


def plan(data: AuditData, enrichers: Sequence[Enricher], size: int) -> list[tuple[str, list[str]]]:
    """(phase, reference ids) per chunk, phase by phase in the enrichers' order; only
    the references within each phase's budget are planned, `size` to a chunk, or more
    where that would make over `MAX_CHUNKS_PER_PHASE` chunks."""
    limits = budgets(enrichers)
    phases = list(dict.fromkeys(e.phase for e in enrichers))
    out: list[tuple[str, list[str]]] = []
    for phase in phases:
        ids = [r.id for r in within_budget(data, phase, limits.get(phase)).references]
        step = max(size, 1, -(-len(ids) // MAX_CHUNKS_PER_PHASE))
        slices = [ids[i : i + step] for i in range(0, len(ids), step)] or [[]]
        out.extend((phase.value, s) for s in slices)
    return out


def run_chunk(
    data: AuditData, enrichers: Sequence[Enricher], phase: str, reference_ids: Sequence[str]
) -> dict[str, Any]:
    known = _remembered_cut(data, Phase(phase), budgets(enrichers).get(Phase(phase)))
    # In list order; an id two bibliographies share brings both (as a filter would).
    wanted = sorted({at for rid in set(reference_ids) for at in known.positions.get(rid, ())})
    references = tuple(known.references[at] for at in wanted)
    source = data.bibliographies[0] if data.bibliographies else None
    bibliography = Bibliography(
        source=source.source if source else "",
        format=source.format if source else "",
        references=references,
    )
    part = dataclasses.replace(data, bibliographies=(bibliography,), phases=())
    for enricher in enrichers:
        if enricher.phase.value == phase:
            part = enricher.enrich(part)
    result: dict[str, Any] = to_data(NetworkResults(part.resolutions, part.links, part.phases))
    return result


def _merge_links(checks: Iterable[LinkCheck]) -> tuple[LinkCheck, ...]:
    merged: dict[str, LinkCheck] = {}
    for check in checks:
        first = merged.get(check.url)
        if first is None:
            merged[check.url] = check
        else:
            ids = tuple(dict.fromkeys(first.reference_ids + check.reference_ids))
            merged[check.url] = dataclasses.replace(first, reference_ids=ids)
    return tuple(merged.values())


def _merge_phases(
    statuses: Sequence[PhaseStatus],
    resolutions: Mapping[str, Resolution],
    total: int,
    links: Sequence[LinkCheck],
) -> tuple[PhaseStatus, ...]:
    """One status a phase: done only when every chunk's was. A sentence that counts is
    made again from all chunks' results -- the resolution phase's by `run_status`, the
    links' "time ran out: N of M" and "network unreachable: N of M" from the merged
    checks (`links_status`, the enricher's own sentence) -- so its counts are the
    audit's, not the first unfinished chunk's."""
    merged: dict[Phase, PhaseStatus] = {}
    for status in statuses:
        first = merged.get(status.phase)
        if first is None or (first.done and not status.done):
            merged[status.phase] = status
    resolution = merged.get(Phase.RESOLUTION)
    if resolution is not None:
        broken = None if resolution.done else broken_from(resolution.reason)
        if resolution.done or broken is not None:
            done, reason = run_status(list(resolutions.values()), total, broken)
            merged[Phase.RESOLUTION] = PhaseStatus(Phase.RESOLUTION, done, reason)
    checked = merged.get(Phase.LINKS)
    if checked is not None and (checked.reason or "").startswith(_COUNTED):
        offline = any(
            (s.reason or "").startswith(NETWORK_UNREACHABLE)
            for s in statuses
            if s.phase is Phase.LINKS
        )
        merged[Phase.LINKS] = links_status(links, network_up=not offline)
    return tuple(merged.values())


# The links enricher's sentences that count links: said again over every chunk.
_COUNTED = (NETWORK_UNREACHABLE, TIME_RAN_OUT)


def assemble(
    data: AuditData,
    results: Sequence[dict[str, Any]],
    skipped: Mapping[Phase, str],
    limits: Mapping[Phase, int] | None = None,
) -> AuditData:
    """The audit data with every chunk's results, and why phases not run were not;
    with `limits` (`budgets`), what each phase left out past its budget is said as an
    in-process run says it (`network_budget.apply`)."""
    resolutions: dict[str, Resolution] = {}
    links: list[LinkCheck] = []
    statuses: list[PhaseStatus] = []
    for stored in results:
        result = from_data(NetworkResults, stored)
        resolutions.update(result.resolutions)
        links.extend(result.links)
        statuses.extend(result.phases)
    checked = within_budget(data, Phase.RESOLUTION, (limits or {}).get(Phase.RESOLUTION))
    checks = _merge_links(links)
    merged = dataclasses.replace(
        data,
        resolutions=resolutions,
        links=checks,
        phases=data.phases + _merge_phases(statuses, resolutions, len(checked.references), checks),
    )
    ran = {status.phase for status in statuses}
    for phase, limit in (limits or {}).items():
        if phase in ran:
            merged = apply(_already(merged), data, phase, limit, _keys(phase))
    return record_skipped(merged, skipped)


def _already(done: AuditData) -> Callable[[AuditData], AuditData]:
    """The phase's enrichment, done by the chunks: `apply` only says what was left out."""
    return lambda _part: done
