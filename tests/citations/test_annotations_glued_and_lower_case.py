"""Citations as real manuscripts write them (made-up works): a status annotating a
dated year, years glued to the names, names typed in lower case."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty, CitationMatch
from citeaudit.model.reference import Reference
from tests.citations.helpers import document, reference, summary


def _linked(text: str, refs: list[Reference]) -> list[tuple[tuple[str, ...], CitationMatch]]:
    kept, matches = match_citations(extract_citations(document(text)), refs)
    return [(c.authors, m) for c, m in zip(kept, matches, strict=True)]


# -- a status after a dated year annotates it --------------------------------------------


def test_continuously_updated_after_a_year_is_no_second_work() -> None:
    found = extract_citations(document("Herbaria follow (Quorrin 2016, continuously updated)."))
    assert summary(found) == [(("Quorrin",), 2016, None)]


def test_in_press_after_a_year_is_no_second_work() -> None:
    text = "As shown (Quorrin 2016, in press; Vell 2010, online)."
    assert summary(extract_citations(document(text))) == [
        (("Quorrin",), 2016, None),
        (("Vell",), 2010, None),
    ]


def test_a_narrative_year_with_a_status_is_one_work() -> None:
    found = extract_citations(document("Quorrin (2016, continuously updated) lists them."))
    assert summary(found) == [(("Quorrin",), 2016, None)]


def test_a_status_after_a_semicolon_is_still_another_work() -> None:
    found = extract_citations(document("As shown (Quorrin 2016; in press)."))
    assert [c.year for c in found] == [2016, None]


def test_the_annotated_work_links_its_dated_entry_and_nothing_is_missing() -> None:
    refs = [reference(1, "Quorrin", year=2016)]
    found = _linked("Herbaria follow (Quorrin 2016, continuously updated).", refs)
    assert [m.targets for _, m in found] == [("ref-1",)]


# -- years glued to what precedes them ----------------------------------------------------


def test_a_year_glued_to_et_al_is_read_and_sure() -> None:
    found = extract_citations(document("Seen before (Wendrick et al.2019)."))
    assert summary(found) == [(("Wendrick",), 2019, None)]
    assert found[0].certainty is Certainty.SURE


def test_a_year_glued_to_a_name_is_read_but_weak() -> None:
    found = extract_citations(document("Seen before (Harl and Lomet2018)."))
    assert summary(found) == [(("Harl", "Lomet"), 2018, None)]
    assert found[0].certainty is Certainty.WEAK


def test_a_glued_year_links_its_entry() -> None:
    refs = [reference(1, "Harl", "Lomet", year=2018)]
    assert [m.targets for _, m in _linked("Seen (Harl and Lomet2018).", refs)] == [("ref-1",)]


def test_a_glued_year_no_entry_has_is_no_missing_reference() -> None:
    refs = [reference(1, "Harl", "Lomet", year=2018)]
    assert _linked("Run on (Windows2000) machines.", refs) == []


# -- names typed in lower case -------------------------------------------------------------


def test_lower_case_names_in_a_group_link_their_entries() -> None:
    refs = [
        reference(1, "Wendrick", "Lo", "Ka", year=2019),
        reference(2, "Harl", "Lomet", year=2018),
    ]
    found = _linked("Seen (wendrick et al., 2019; harl and lomet, 2018).", refs)
    assert [m.targets for _, m in found] == [("ref-1",), ("ref-2",)]


def test_lower_case_narrative_and_bare_names_link_their_entries() -> None:
    refs = [reference(1, "Wendrick", "Lo", "Ka", year=2019)]
    narrative = _linked("As wendrick et al. (2019) saw.", refs)
    bare = _linked("as shown by wendrick et al. 2019 the trees grow.", refs)
    assert [m.targets for _, m in narrative] == [("ref-1",)]
    assert [m.targets for _, m in bare] == [("ref-1",)]


def test_lower_case_names_are_weak_never_reported_missing() -> None:
    refs = [reference(1, "Wendrick", year=2019)]
    cits = extract_citations(
        document("Seen in the data et al. (2019) and (lower case words 2019).")
    )
    assert cits and all(c.certainty is Certainty.WEAK for c in cits)
    assert _linked("Seen in the data et al. (2019) and (lower case words 2019).", refs) == []


def test_a_status_after_several_years_is_another_work() -> None:
    found = extract_citations(document("As shown (Quorrin and Vell, 2023, 2024, in submission)."))
    assert [c.year for c in found] == [2023, 2024, None]
