"""A name and a year in running text ("los datos del Censo INE 2011") beside entries
INE 2011a and INE 2011b: a weak reading that several entries fit is no citation, and
no "ambiguous" finding (issue 12, review of real Word and pandoc manuscripts)."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference


def test_a_weak_name_year_fitting_several_entries_is_dropped() -> None:
    refs = [reference(1, "INE", year=2011), reference(2, "INE", year=2011)]
    text = "Según los datos del Censo INE 2011, la población (INE, 2011a) crece."
    kept, matches = match_citations(extract_citations(document(text)), refs)
    assert [(c.item, m.targets) for c, m in zip(kept, matches, strict=True)] == [
        ("INE, 2011a", ("ref-1",))
    ]


def test_a_sure_citation_fitting_several_entries_stays_ambiguous() -> None:
    refs = [reference(1, "INE", year=2011), reference(2, "INE", year=2011)]
    _, matches = match_citations(extract_citations(document("Rates (INE, 2011) rose.")), refs)
    assert [m.targets for m in matches] == [("ref-1", "ref-2")]


def test_a_weak_name_year_fitting_one_entry_still_cites_it() -> None:
    refs = [reference(1, "Hart", "Lomé", year=2019)]
    text = "as shown by Hart and Lomé, 2019, the rivers rose."
    _, matches = match_citations(extract_citations(document(text)), refs)
    assert [m.targets for m in matches] == [("ref-1",)]
