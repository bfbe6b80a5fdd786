"""Chunks resolved on several workers merge into the audit's own phase sentence."""

from __future__ import annotations

from citeaudit.audit_data import AuditData, Phase, PhaseStatus
from citeaudit.bibliography.interface import Bibliography
from citeaudit.model.codec import to_data
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import Resolution, ResolutionState
from citeaudit.resolve.run_status import run_status
from citeaudit.service.chunks import assemble

REFS = tuple(
    Reference(id=f"r{i}", index=i, location=Location("refs.bib", i), raw=f"entry {i}")
    for i in range(1, 22)
)
DATA = AuditData((), (Bibliography("refs.bib", "bibtex", REFS),), (), ())


def _chunk(ids: range, failed: set[int], broken: str | None) -> dict[str, object]:
    resolutions = [
        Resolution(
            f"r{i}",
            ResolutionState.FAILED if i in failed else ResolutionState.RESOLVED,
            reason=f"Crossref {broken}" if i in failed and broken else None,
        )
        for i in ids
    ]
    done, reason = run_status(resolutions, len(ids), broken)
    return {
        "resolutions": {r.reference_id: to_data(r) for r in resolutions},
        "links": [],
        "phases": [to_data(PhaseStatus(Phase.RESOLUTION, done, reason))],
    }


def test_not_checked_counts_every_chunk_of_the_audit() -> None:
    chunks = [
        _chunk(range(1, 11), set(range(1, 11)), "unreachable"),  # 10 of 10
        _chunk(range(11, 21), {11, 12}, None),  # 2 more, Crossref answered this worker
        _chunk(range(21, 22), set(), None),
    ]
    merged = assemble(DATA, chunks, {})
    (status,) = [p for p in merged.phases if p.phase is Phase.RESOLUTION]
    assert not status.done
    assert status.reason == "Crossref unreachable; 12 of 21 references not checked"


def test_a_done_phase_counts_failures_over_all_chunks() -> None:
    chunks = [_chunk(range(1, 11), {3}, None), _chunk(range(11, 22), {15, 16}, None)]
    (status,) = [p for p in assemble(DATA, chunks, {}).phases if p.phase is Phase.RESOLUTION]
    assert status.done
    assert status.reason is not None and status.reason.startswith("3 references could not")
