"""Specimen records and catalogue numbers read as years (issue 12): "(holotype MZUSP
1998)", "(ANDES-BT 1567)", a specimen's label after "cited a specimen". Weak: linked
when an entry has that name and year, never a missing reference."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document, reference


def certainty(text: str) -> list[tuple[tuple[str, ...], int | None, Certainty]]:
    return [(c.authors, c.year, c.certainty) for c in extract_citations(document(text))]


def test_collection_codes_and_specimen_records_are_weak() -> None:
    text = (
        "Specimens (holotype MZUSP 1998; paratypes MNRJ 2011) and tissue (ANDES-BT 1567) "
        "were kept; Nelson cited a specimen (USA. Colorado. Sapinero, 1898, Wheeler 446)."
    )
    assert {c for _, _, c in certainty(text)} == {Certainty.WEAK}
    kept, _ = match_citations(extract_citations(document(text)), [])
    assert kept == ()


def test_organisations_and_authors_stay_sure() -> None:
    found = certainty("Rates (WHO 2020; IBGE 2010) rose (Smith 2019), as (Lee, 2001) said.")
    assert [c for _, _, c in found] == [Certainty.SURE] * 4


def test_a_listed_collection_work_is_still_linked() -> None:
    refs = [reference(1, "MZUSP", year=1998)]
    _, matches = match_citations(extract_citations(document("(MZUSP 1998)")), refs)
    assert [m.targets for m in matches] == [("ref-1",)]


def test_a_collector_number_before_a_herbarium_code_is_weak() -> None:
    # a collector's name and number, then the herbarium keeping the sheet (made up)
    text = (
        "Known from one gathering (Hill Forest Reserve: Tanner 1832, KEW; cited Moss 1971) "
        "and another (Lake Tala: Orr 1790, BM, K)."
    )
    found = certainty(text)
    assert (("Tanner",), 1832, Certainty.WEAK) in found
    assert (("Orr",), 1790, Certainty.WEAK) in found
    kept, _ = match_citations(extract_citations(document(text)), [reference(1, "Moss", year=1971)])
    assert {c.authors for c in kept} == {("Moss",)}
    # works with a year and an organisation item stay sure
    found = certainty("Rates rose (Smith 2019; WHO 2020), as (Lee, 2001, 2003) said.")
    assert {c for _, _, c in found} == {Certainty.SURE}
