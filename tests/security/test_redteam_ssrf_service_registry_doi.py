"""A DOI a registry names is a DOI only when our own reader reads it back as itself.

Crossref and DataCite records are deposited by their members; the DOI string is the
member's choice. A record matching an entry's title gave `missing-doi` its safe fix,
and ``10.5555/abc},note={x\\input{y}}`` was written into the author's BibTeX as the
entry's ``doi`` -- closing the field and adding one of the depositor's. A registry's
DOI (a record's, a notice's) is now taken only when `normalize_doi`, the reader of
every DOI field we read, gives it back unchanged and it may be put into a URL
(`doi_refusal`); otherwise the record has no DOI of its own to offer.

The registries are the loopback stand-in (`tests/stand_ins/registry_server.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import bibtexparser
import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.fix import plan_fixes
from citeaudit.resolve.enricher import ResolutionEnricher, build_resolver
from citeaudit.resolve.records import crossref_record, datacite_record
from tests.resolve.conftest import FAST_RETRY, settings_for
from tests.stand_ins.registry_server import RegistryStandIn

TITLE = "Hostile records in the wild"
HOSTILE = "10.5555/abc},note={Injected\\input{x}}"
SICI = "10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0"
BIB = (
    "@article{lee2019,\n  author = {Lee, Ann},\n  title = {" + TITLE + "},\n"
    "  journal = {Journal of Tests},\n  year = {2019}\n}\n"
)


def _work(doi: str, **extra: Any) -> dict[str, Any]:
    return {
        "DOI": doi,
        "title": [TITLE],
        "author": [{"family": "Lee", "given": "Ann"}],
        "issued": {"date-parts": [[2019]]},
        "container-title": ["Journal of Tests"],
        "type": "journal-article",
        "score": 90,
        **extra,
    }


@pytest.fixture
def registry(request: pytest.FixtureRequest) -> Iterator[RegistryStandIn]:
    server = RegistryStandIn(
        works=[_work(request.param)], datacite=[], handles={"registered": []}
    ).start()
    yield server
    server.stop()


def _fixed_bib(server: RegistryStandIn, tmp_path: Path) -> tuple[list[str], str]:
    paper = tmp_path / "paper.md"
    paper.write_text("# Paper\n\nAs shown [@lee2019].\n", "utf-8")
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, "utf-8")
    settings = settings_for(server.url, tmp_path / "cache")
    enricher = ResolutionEnricher(build_resolver(settings, policy=FAST_RETRY, use_cache=False))
    try:
        result = audit(AuditInput.from_paths([paper], bibliographies=[bib]), [enricher])
    finally:
        enricher.close()
    plan = plan_fixes(result)
    plan.write()
    return [c.code for c in plan.changes], bib.read_text("utf-8")


@pytest.mark.parametrize("registry", [HOSTILE], indirect=True)
def test_a_depositors_doi_writes_no_field_into_the_bibliography(
    registry: RegistryStandIn, tmp_path: Path
) -> None:
    codes, text = _fixed_bib(registry, tmp_path)
    assert "REG005" not in codes  # missing-doi: no DOI of the record's to add
    entries = bibtexparser.parse_string(text).entries
    assert len(entries) == 1
    assert {f.key for f in entries[0].fields} == {"author", "title", "journal", "year"}
    assert "Injected" not in text


@pytest.mark.parametrize("registry", [SICI], indirect=True)
def test_an_odd_but_real_doi_is_still_added(registry: RegistryStandIn, tmp_path: Path) -> None:
    codes, text = _fixed_bib(registry, tmp_path)
    assert codes == ["REG005"]
    entries = bibtexparser.parse_string(text).entries
    assert entries[0].fields_dict["doi"].value == SICI


def test_records_keep_only_dois_read_back_as_themselves() -> None:
    notice = {"type": "retraction", "DOI": "10.5555/r}\\x{", "source": "publisher"}
    record = crossref_record(_work(HOSTILE, **{"updated-by": [notice]}))
    assert record.doi == ""
    assert record.notices[0].doi is None
    assert crossref_record(_work("10.1093/AJAE/aaq063")).doi == "10.1093/ajae/aaq063"
    for bad in ("10.1000/a\nb", "10.1000/x/../../y", '10.1000/a"b', "no doi"):
        assert crossref_record(_work(bad)).doi == ""
    document = {"data": {"id": "10.5281/zenodo.1", "attributes": {"doi": "10.5281/ZENODO.1"}}}
    assert datacite_record(document).doi == "10.5281/zenodo.1"
    document["data"]["attributes"]["doi"] = "10.5281/z}e"  # type: ignore[index]
    assert datacite_record(document).doi == ""


def test_a_short_dois_alias_is_judged_as_any_registry_doi() -> None:
    from citeaudit.resolve.doi import _alias

    def record(alias: str) -> dict[str, Any]:
        return {"responseCode": 1, "values": [{"type": "HS_ALIAS", "data": {"value": alias}}]}

    assert _alias(record("10.1093/AJAE/aaq063")) == "10.1093/ajae/aaq063"
    assert _alias(record("10.5555/a},note={x}")) is None
