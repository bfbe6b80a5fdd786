"""The links phase merged over chunks when one chunk found our network down: the
sentence counts what every chunk left unchecked, not the outage chunk's view alone."""

from __future__ import annotations

from citeaudit.audit_data import AuditData, Phase, PhaseStatus
from citeaudit.bibliography.interface import Bibliography
from citeaudit.links.checker import OUT_OF_TIME
from citeaudit.links.enricher import links_status
from citeaudit.model.codec import to_data
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from citeaudit.service.chunks import assemble

REFS = tuple(
    Reference(id=f"r{i}", index=i, location=Location("refs.bib", i), raw=f"entry {i}")
    for i in range(1, 22)
)
DATA = AuditData((), (Bibliography("refs.bib", "bibtex", REFS),), (), ())


def _check(i: int, reason: str | None) -> LinkCheck:
    return LinkCheck(
        f"https://example.org/{i}",
        LinkOutcome.UNVERIFIED if reason else LinkOutcome.OK,
        reason=reason,
        reference_ids=(f"r{i}",),
    )


def _chunk(checks: list[LinkCheck], *, network_up: bool = True) -> dict[str, object]:
    """A chunk's stored result, its status made as the links enricher makes it."""
    return {
        "resolutions": {},
        "links": [to_data(c) for c in checks],
        "phases": [to_data(links_status(checks, network_up=network_up))],
    }


def _links(chunks: list[dict[str, object]]) -> PhaseStatus:
    (status,) = [p for p in assemble(DATA, chunks, {}).phases if p.phase is Phase.LINKS]
    return status


def test_one_chunk_offline_counts_the_links_every_chunk_checked() -> None:
    # chunk 1: 10 checked; chunk 2: the network went down after 4 of its 11
    chunks = [
        _chunk([_check(i, None) for i in range(1, 11)]),
        _chunk(
            [_check(i, None if i < 15 else "network-down") for i in range(11, 22)],
            network_up=False,
        ),
    ]
    status = _links(chunks)
    assert not status.done
    assert status.reason == "network unreachable: 7 of 21 links not checked"


def test_offline_and_late_chunks_count_both_kinds_of_unchecked_links() -> None:
    chunks = [
        _chunk([_check(i, OUT_OF_TIME if i > 8 else None) for i in range(1, 11)]),  # 2 late
        _chunk([_check(i, "network-down") for i in range(11, 22)], network_up=False),  # 11
    ]
    assert _links(chunks).reason == "network unreachable: 13 of 21 links not checked"


def test_the_enricher_sentence_is_the_merged_one_for_a_single_chunk() -> None:
    late = [_check(i, OUT_OF_TIME if i > 18 else None) for i in range(1, 22)]
    assert links_status(late, network_up=True) == PhaseStatus(
        Phase.LINKS, False, "time ran out: 3 of 21 links not checked"
    )
    assert _links([_chunk(late)]).reason == "time ran out: 3 of 21 links not checked"
    done = [_check(i, None) for i in range(1, 22)]
    assert links_status(done, network_up=True) == PhaseStatus(Phase.LINKS, True)
    assert _links([_chunk(done)]).done
