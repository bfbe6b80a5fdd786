"""One upload cannot buy hours of network work: each network phase has a per-audit budget.

An upload with 200,000 distinct URLs or DOIs used to be checked in full, each request
paced politely: a worker busy for hours. Past the budget nothing is asked, and the
phase's status says how much was not checked. Counted work (requests the loopback
farm received, references handed to the registries), never time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from citeaudit.audit_data import AuditData, Phase, PhaseStatus
from citeaudit.bibliography.interface import Bibliography
from citeaudit.enrichment import Enricher
from citeaudit.links.enricher import LinkEnricher
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import Resolution, ResolutionState
from citeaudit.network_budget import DEFAULT_MAX_NETWORK_CHECKS
from citeaudit.phases import PhaseOptions, default_enrichers, max_network_checks
from citeaudit.settings import Settings
from tests.links.conftest import FAST
from tests.stand_ins.link_farm import Farm


@pytest.fixture(scope="module")
def farm() -> Iterator[Farm]:
    f = Farm().start()
    yield f
    f.stop()


def ref(i: int, urls: tuple[str, ...] = (), doi: str | None = None) -> Reference:
    return Reference(
        id=f"ref-{i}", index=i, location=Location("refs.bib", i), raw="...", urls=urls, doi=doi
    )


def data_with(*refs: Reference) -> AuditData:
    bib = Bibliography(source="refs.bib", format="bibtex", references=refs)
    return AuditData(manuscripts=(), bibliographies=(bib,), citations=(), matches=())


def test_links_past_the_budget_are_not_requested(farm: Farm, tmp_path: Path) -> None:
    refs = [ref(i, (farm.url("site", f"/ok?n={i}"),)) for i in range(40)]
    # One entry carrying many URLs is cut inside the entry, not let through whole.
    refs.append(ref(40, tuple(farm.url("site", f"/ok?m={j}") for j in range(30))))
    settings = Settings(
        doi_url=farm.url("svc", ""),
        archive_url=farm.url("svc", "/wayback/available"),
        cache_dir=tmp_path,
        allow_private_networks=True,
    )
    enricher = LinkEnricher(
        settings, policy=FAST, use_cache=False, probe_urls=[farm.url("svc", "/")]
    )
    enricher.max_checks = 25
    farm.reset_counts()
    out = enricher.enrich(data_with(*refs))
    assert farm.link_requests() <= 25 * (FAST.max_retries + 2)  # HEAD then GET at most
    assert len(out.links) == 25
    # Every reference is still in the audit; the phase ran and says what it left out.
    assert len(out.references) == 41
    status = out.phases[-1]
    assert status.phase is Phase.LINKS and status.done
    assert status.reason and "45 links and DOIs not checked" in status.reason


class CountingResolver(Enricher):
    """A resolution phase that counts the references it is handed."""

    phase: ClassVar[Phase] = Phase.RESOLUTION

    def __init__(self) -> None:
        self.handed = 0

    def enrich(self, data: AuditData) -> AuditData:
        self.handed += len(data.references)
        found = {
            r.id: Resolution(r.id, ResolutionState.NOT_FOUND, reason="no record")
            for r in data.references
        }
        return dataclasses.replace(
            data,
            resolutions={**data.resolutions, **found},
            phases=(*data.phases, PhaseStatus(Phase.RESOLUTION, done=True)),
        )


def test_registry_look_ups_past_the_budget_are_not_made() -> None:
    enricher = CountingResolver()
    enricher.max_checks = 100
    out = enricher.enrich(data_with(*(ref(i, doi=f"10.1234/x{i}") for i in range(2000))))
    assert enricher.handed == 100
    assert len(out.references) == 2000 and len(out.resolutions) == 2000
    left = [r for r in out.resolutions.values() if r.state is ResolutionState.FAILED]
    # "failed": never read as "no registry knows this work" (REG006) by the rules.
    assert len(left) == 1900
    assert out.phases[-1].reason and "1900 references not checked" in out.phases[-1].reason


def test_within_the_budget_nothing_changes() -> None:
    enricher = CountingResolver()
    data = data_with(*(ref(i) for i in range(10)))
    out = enricher.enrich(data)
    assert enricher.handed == 10 and out.phases[-1].reason is None


def test_a_subclass_calling_its_parent_is_cut_once() -> None:
    class Louder(CountingResolver):
        def enrich(self, data: AuditData) -> AuditData:
            return super().enrich(data)

    enricher = Louder()
    enricher.max_checks = 3
    out = enricher.enrich(data_with(*(ref(i) for i in range(10))))
    assert enricher.handed == 3
    assert [p.reason for p in out.phases] == [
        "7 references not checked: past this audit's budget of 3 registry look-ups "
        "(CITEAUDIT_MAX_NETWORK_CHECKS)"
    ]


def test_default_enrichers_carry_the_budget() -> None:
    assert 1000 < max_network_checks(Settings()) == DEFAULT_MAX_NETWORK_CHECKS <= 20_000
    for enricher in default_enrichers(Settings(), PhaseOptions()):
        assert enricher.max_checks == max_network_checks(Settings())


def test_the_service_plans_no_more_checks_than_the_budget() -> None:
    """Chunks of a Celery audit together stay within the one budget."""
    from citeaudit.service.chunks import plan

    enricher = CountingResolver()
    enricher.max_checks = 100
    data = data_with(*(ref(i, doi=f"10.1234/x{i}") for i in range(2000)))
    planned = sum(len(ids) for phase, ids in plan(data, [enricher], 20) if phase == "resolution")
    assert planned <= 100


def test_the_budget_setting_is_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CITEAUDIT_MAX_NETWORK_CHECKS", "10")
    assert max_network_checks(Settings()) == 10
    enrichers = default_enrichers(Settings(), PhaseOptions())
    assert enrichers and all(e.max_checks == 10 for e in enrichers)


def test_a_cut_of_the_same_audit_is_worked_out_once() -> None:
    """The service cuts the whole audit once per chunk: the key work is remembered."""
    from citeaudit.network_budget import cut
    from citeaudit.target_keys import TargetKeys

    calls = 0

    def url_key(url: str) -> str:
        nonlocal calls
        calls += 1
        return url

    keys = TargetKeys(doi=lambda d: d, url=url_key)
    refs = [ref(i, (f"https://h{i}.example/",)) for i in range(50)]
    first = cut(data_with(*refs), Phase.LINKS, 10, keys)
    per_cut = calls
    again = cut(data_with(*refs), Phase.LINKS, 10, keys)
    assert first is not None and again is not None
    assert first.unchecked == again.unchecked == 40
    assert [r.id for r in again.data.references] == [f"ref-{i}" for i in range(10)]
    assert per_cut == 50 and calls == per_cut
