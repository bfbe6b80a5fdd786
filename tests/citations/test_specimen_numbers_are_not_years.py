"""Specimen records and catalogue numbers read as years (issue 12): "(holotype MZUSP
1998)", "(ANDES-BT 1567)", a specimen's label after "cited a specimen". Weak: linked
when an entry has that name and year, never a missing reference."""

from __future__ import annotations

from citeaudit.citation_matching import match_citations
from citeaudit.manuscript.citations import extract_citations
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
