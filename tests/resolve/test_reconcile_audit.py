"""The year reconciliation through a whole audit: a Markdown paper and its BibTeX list,
the registry stand-in answering for the DOI (10.5555/hist.2014.22, printed in 2014)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.model.finding import Finding
from citeaudit.phases import PhaseOptions, default_enrichers
from citeaudit.resolve.enricher import ResolutionEnricher
from citeaudit.settings import Settings
from tests.stand_ins.registry_server import RegistryStandIn

BIB = """@article{ashdown,
  author  = {Ashdown, Margaret},
  title   = {Grain prices and parish relief in the {Lincolnshire} fens, 1795--1834},
  journal = {Agricultural History Review},
  year    = {YEAR},
  volume  = {62},
  doi     = {10.5555/hist.2014.22}
}
"""


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[RegistryStandIn]:
    server = RegistryStandIn().start()
    for name in ("CROSSREF_URL", "DOI_URL", "DATACITE_URL"):
        monkeypatch.setenv(f"CITEAUDIT_{name}", server.url)
    monkeypatch.setenv("CITEAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CITEAUDIT_MAILTO", "editor@example.org")
    monkeypatch.delenv("CITEAUDIT_REDIS_URL", raising=False)
    yield server
    server.stop()


def run(tmp_path: Path, listed: int, cited: int) -> list[Finding]:
    paper = tmp_path / "paper.md"
    paper.write_text(
        f"# Relief\n\nParish relief rose with grain prices (Ashdown, {cited}).\n", "utf-8"
    )
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB.replace("YEAR", str(listed)), "utf-8")
    options = PhaseOptions(links=False)
    enrichers = default_enrichers(Settings(), options)
    try:
        result = audit(
            AuditInput.from_paths([paper], bibliographies=[bib]),
            enrichers,
            skipped=options.skip_reasons(),
        )
    finally:
        for enricher in enrichers:
            if isinstance(enricher, ResolutionEnricher):
                enricher.resolver.close()  # type: ignore[attr-defined]
    return [f for f in result.findings if f.code in ("REG003", "CIT004")]


def test_the_list_entry_is_named_wrong_at_the_entry(
    registry: RegistryStandIn, tmp_path: Path
) -> None:
    found = run(tmp_path, listed=2013, cited=2014)
    assert [f.code for f in found] == ["REG003"]
    assert "Crossref's print date is 2014 -- the list entry is wrong" in found[0].message
    assert found[0].location.file.endswith("refs.bib") and found[0].location.line == 1
    assert found[0].fix is not None and found[0].fix.replacement == "2014"


def test_the_citation_is_named_wrong_at_the_citation(
    registry: RegistryStandIn, tmp_path: Path
) -> None:
    found = run(tmp_path, listed=2014, cited=2013)
    assert [f.code for f in found] == ["CIT004"]
    assert "the citation is wrong" in found[0].message
    assert found[0].location.file.endswith("paper.md") and found[0].location.line == 3
    assert found[0].fix is not None and found[0].fix.replacement == "2014"


def test_agreeing_years_are_silent(registry: RegistryStandIn, tmp_path: Path) -> None:
    assert run(tmp_path, listed=2014, cited=2014) == []
