"""Chunks resolved on several workers merge into the audit's own phase sentence."""

from __future__ import annotations

from citeaudit.audit_data import AuditData, Phase, PhaseStatus
from citeaudit.bibliography.interface import Bibliography
from citeaudit.links.checker import OUT_OF_TIME
from citeaudit.model.codec import to_data
from citeaudit.model.link import LinkCheck, LinkOutcome
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


def _link_chunk(numbers: range, late: set[int]) -> dict[str, object]:
    checks = [
        LinkCheck(
            f"https://example.org/{i}",
            LinkOutcome.UNVERIFIED if i in late else LinkOutcome.OK,
            reason=OUT_OF_TIME if i in late else None,
            reference_ids=(f"r{i}",),
        )
        for i in numbers
    ]
    done = not late.intersection(numbers)
    reason = (
        None
        if done
        else f"time ran out: {len(late & set(numbers))} of {len(checks)} links not checked"
    )
    return {
        "resolutions": {},
        "links": [to_data(c) for c in checks],
        "phases": [to_data(PhaseStatus(Phase.LINKS, done, reason))],
    }


def test_links_not_checked_count_every_chunk_of_the_audit() -> None:
    # the first chunk ran out of time on 2 of its 10 links, the second on 5 of its 11
    chunks = [
        _link_chunk(range(1, 11), {9, 10}),
        _link_chunk(range(11, 22), set(range(17, 22))),
    ]
    (status,) = [p for p in assemble(DATA, chunks, {}).phases if p.phase is Phase.LINKS]
    assert not status.done
    assert status.reason == "time ran out: 7 of 21 links not checked"
