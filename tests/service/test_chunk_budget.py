"""The per-audit network budget holds across a service audit's chunks: the chunks
together are handed what one in-process run would be, and the assembled audit says
what was left out as that run does."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from citeaudit.audit_data import AuditData, Phase, PhaseStatus
from citeaudit.bibliography.interface import Bibliography
from citeaudit.enrichment import Enricher
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import Resolution, ResolutionState
from citeaudit.service.chunks import assemble, budgets, plan, run_chunk


def _ref(i: int, urls: tuple[str, ...] = (), doi: str | None = None) -> Reference:
    return Reference(
        id=f"ref-{i}", index=i, location=Location("refs.bib", i), raw="...", urls=urls, doi=doi
    )


def _data(*refs: Reference) -> AuditData:
    bib = Bibliography(source="refs.bib", format="bibtex", references=refs)
    return AuditData(manuscripts=(), bibliographies=(bib,), citations=(), matches=())


class Resolver(Enricher):
    phase: ClassVar[Phase] = Phase.RESOLUTION
    handed: ClassVar[int] = 0

    def enrich(self, data: AuditData) -> AuditData:
        Resolver.handed += len(data.references)
        found = {
            r.id: Resolution(r.id, ResolutionState.NOT_FOUND, reason="no record")
            for r in data.references
        }
        return dataclasses.replace(
            data,
            resolutions={**data.resolutions, **found},
            phases=(*data.phases, PhaseStatus(Phase.RESOLUTION, done=True)),
        )


class Links(Enricher):
    phase: ClassVar[Phase] = Phase.LINKS
    urls: ClassVar[list[str]] = []

    def enrich(self, data: AuditData) -> AuditData:
        urls = [u for r in data.references for u in r.urls]
        Links.urls.extend(urls)
        checks = tuple(LinkCheck(u, LinkOutcome.OK) for u in urls)
        return dataclasses.replace(
            data,
            links=(*data.links, *checks),
            phases=(*data.phases, PhaseStatus(Phase.LINKS, done=True)),
        )


def _run(data: AuditData, enrichers: list[Enricher]) -> AuditData:
    results = [run_chunk(data, enrichers, phase, ids) for phase, ids in plan(data, enrichers, 20)]
    return assemble(data, results, {}, budgets(enrichers))


def test_resolution_chunks_stay_within_the_audit_budget() -> None:
    resolver = Resolver()
    resolver.max_checks = 100
    Resolver.handed = 0
    data = _data(*(_ref(i, doi=f"10.1234/x{i}") for i in range(2000)))
    planned = sum(len(ids) for phase, ids in plan(data, [resolver], 20))
    assert planned == 100
    out = _run(data, [resolver])
    assert Resolver.handed == 100
    assert len(out.resolutions) == 2000
    left = [r for r in out.resolutions.values() if r.state is ResolutionState.FAILED]
    assert len(left) == 1900  # failed, never "not found"
    [status] = [s for s in out.phases if s.phase is Phase.RESOLUTION]
    assert status.reason and status.reason.startswith("1900 references not checked")


def test_links_are_cut_inside_an_entry_as_in_process() -> None:
    links = Links()
    links.max_checks = 25
    refs = [_ref(i, (f"https://h.example/{i}",)) for i in range(20)]
    refs.append(_ref(20, tuple(f"https://h.example/m{j}" for j in range(30))))
    data = _data(*refs)
    Links.urls = []
    out = _run(data, [links])
    assert len(Links.urls) == 25 and len(out.links) == 25
    Links.urls = []
    alone = links.enrich(data)  # the in-process run, budget applied by Enricher
    assert len(Links.urls) == 25
    assert {c.url for c in out.links} == {c.url for c in alone.links}
    [status] = [s for s in out.phases if s.phase is Phase.LINKS]
    assert status == alone.phases[-1]
    assert len(out.references) == 21


def test_within_the_budget_nothing_changes() -> None:
    resolver = Resolver()
    data = _data(*(_ref(i) for i in range(45)))
    assert [len(ids) for _, ids in plan(data, [resolver], 20)] == [20, 20, 5]
    out = _run(data, [resolver])
    assert all(r.state is ResolutionState.NOT_FOUND for r in out.resolutions.values())


def test_an_audit_watches_no_more_links_than_its_budget() -> None:
    """Watching re-checks every stored link each sweep: an upload listing thousands of
    URLs must not buy thousands of requests a night past the audit's budget."""
    from citeaudit.service.jobs import _reference_links

    data = _data(*(_ref(i, urls=(f"https://example.org/{i}",)) for i in range(40)))
    stored = _reference_links(data, 25)
    assert len(stored) == 25
    assert stored[0] == {"url": "https://example.org/0", "reference_ids": ["ref-0"]}
    assert len(_reference_links(data, 5000)) == 40


class _CountedRefs(tuple[Reference, ...]):
    """References that count how often the whole list is walked."""

    walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        type(self).walks += 1
        return super().__iter__()


def test_a_worker_walks_an_audits_references_once_not_once_per_chunk() -> None:
    """A phase of many chunks on the same (per-process cached) data: the budget cut and
    the id look-up are made once, not over every reference for every chunk."""
    refs = _CountedRefs(_ref(i, urls=(f"https://example.org/{i}",)) for i in range(2000))
    bib = Bibliography(source="refs.bib", format="bibtex", references=refs)
    data = AuditData(manuscripts=(), bibliographies=(bib,), citations=(), matches=())
    enrichers = [Links()]
    enrichers[0].max_checks = 1500
    chunks = plan(data, enrichers, 20)
    assert len(chunks) == 75
    _CountedRefs.walks = 0
    handed = []
    for phase, ids in chunks:
        run_chunk(data, enrichers, phase, ids)
        handed.append(len(ids))
    assert sum(handed) == 1500
    assert _CountedRefs.walks <= 3, _CountedRefs.walks
