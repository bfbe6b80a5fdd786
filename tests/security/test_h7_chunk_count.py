"""Red team H7: one upload cannot queue hundreds of network tasks ahead of everyone.

A service audit's network phases are cut into chunks, each a worker task, all queued
at once; each may spend its whole time limit (a tarpit answering every link slowly,
a registry that never answers) and each re-reads the audit's uploads in a worker that
has not cached them. Cut by the chunk size alone (20 references), an upload of 5,000
references with a link each was 250 link tasks and 250 registry tasks: every later
audit's tasks waited behind them, for as long as 500 time limits. The plan is counted
here (no clock): at most `MAX_CHUNKS_PER_PHASE` chunks a phase, every reference within
the budget in exactly one, and a small audit cut as before.
"""

from __future__ import annotations

from citeaudit.audit_data import AuditData, Phase
from citeaudit.bibliography.interface import Bibliography
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from citeaudit.service.chunks import MAX_CHUNKS_PER_PHASE, plan, within_budget
from tests.service.test_chunk_budget import Links, Resolver


def _data(count: int) -> AuditData:
    refs = tuple(
        Reference(
            id=f"ref-{i}",
            index=i,
            location=Location("refs.bib", i + 1),
            raw="...",
            urls=(f"https://tarpit.example/{i}",),
            doi=f"10.5555/made-up.{i}",
        )
        for i in range(count)
    )
    bibliography = Bibliography(source="refs.bib", format="bibtex", references=refs)
    return AuditData(manuscripts=(), bibliographies=(bibliography,), citations=(), matches=())


def test_a_large_upload_is_cut_into_a_bounded_number_of_chunks() -> None:
    data = _data(5_000)  # the default network budget: every reference is planned
    enrichers = [Resolver(), Links()]
    for enricher in enrichers:
        enricher.max_checks = 5_000
    chunks = plan(data, enrichers, 20)
    for phase in ("resolution", "links"):
        mine = [ids for name, ids in chunks if name == phase]
        assert len(mine) <= MAX_CHUNKS_PER_PHASE, f"{len(mine)} {phase} tasks for one upload"
        planned = [i for ids in mine for i in ids]
        allowed = within_budget(data, Phase(phase), 5_000).references  # a DOI is a link too
        assert planned == [r.id for r in allowed]  # each once, in list order
        assert len(planned) >= 2_500


def test_a_small_audit_is_cut_as_before() -> None:
    """A real article's references still spread over workers, 20 to a chunk."""
    chunks = plan(_data(65), [Resolver(), Links()], 20)
    assert [(name, len(ids)) for name, ids in chunks] == [
        ("resolution", 20),
        ("resolution", 20),
        ("resolution", 20),
        ("resolution", 5),
        ("links", 20),
        ("links", 20),
        ("links", 20),
        ("links", 5),
    ]
