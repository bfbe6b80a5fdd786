"""Citation -> entry classes met on SciELO and Pensoft articles (issue 12), made-up
examples: a slash between co-authors of disputed authorship, one Russian name in
several transliterations, an ABNT citation's initial choosing between two entries of
one surname and year, and a protologue's abbreviated authors."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import CitationMatch
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from tests.citations.helpers import document, reference


def _matches(text: str, refs: list[Reference]) -> tuple[CitationMatch, ...]:
    return match_citations(extract_citations(document(text)), refs)[1]


def _person_ref(index: int, year: int, *people: tuple[str, str], raw: str = "") -> Reference:
    return Reference(
        id=f"ref-{index}",
        index=index,
        location=Location("refs.bib", index),
        raw=raw or f"{people[0][0]}, {people[0][1]}. Obra. {year}.",
        authors=tuple(Person(f, g) for f, g in people),
        year=year,
    )


# -- slash co-authorship -----------------------------------------------------------


def test_a_slash_cites_the_entry_of_both_authors() -> None:
    refs = [reference(1, "KORVANOV", "ZELTSKY", year=2011), reference(2, "KORVANOV", year=2008)]
    (m,) = _matches("Como se lê (KORVANOV/ZELTSKY, 2011), o signo.", refs)
    assert m.targets == ("ref-1",) and not m.name_mismatch


def test_a_slash_cites_the_entry_in_either_order() -> None:
    refs = [reference(1, "Zeltsky", "Korvanov", year=2011)]
    (m,) = _matches("Como se lê (KORVANOV/ZELTSKY, 2011), o signo.", refs)
    assert m.targets == ("ref-1",) and not m.name_mismatch


def test_a_slash_pair_under_another_year_is_a_year_mismatch() -> None:
    refs = [reference(1, "KORVANOV", "ZELTSKY", year=2011)]
    (m,) = _matches("Como se lê (KORVANOV/ZELTSKY, 2013), o signo.", refs)
    assert m.targets == () and m.year_mismatch == ("ref-1",)


def test_a_slash_pair_needs_every_name() -> None:
    refs = [reference(1, "KORVANOV", "PLATT", year=2011)]
    (m,) = _matches("Como se lê (KORVANOV/ZELTSKY, 2011), o signo.", refs)
    assert m.targets == () and m.year_mismatch == ()


# -- transliterations ----------------------------------------------------------------


def test_one_russian_name_in_another_transliteration_is_linked_without_a_mismatch() -> None:
    refs = [reference(1, "VOLÓCHINOV", year=2017), reference(2, "Bakhtine", year=2003)]
    m1, m2, m3 = _matches("Ver (VOLOŠINOV, 2017), (Voloshinov, 2017) e (BAJTÍN, 2003).", refs)
    assert m1.targets == m2.targets == ("ref-1",)
    assert m3.targets == ("ref-2",)
    assert not (m1.name_mismatch or m2.name_mismatch or m3.name_mismatch)


def test_a_transliteration_never_takes_another_year_or_an_exact_name() -> None:
    refs = [reference(1, "Bakhtine", year=2003), reference(2, "Bajtin", year=2005)]
    m1, m2 = _matches("Ver (Bajtín, 2003) e (Bakhtin, 2004).", refs)
    assert m1.targets == () and m1.year_mismatch == ("ref-2",)  # Bajtín is listed
    assert m2.targets == () and m2.year_mismatch == ()


def test_names_of_one_skeleton_but_no_transliteration_stay_a_misspelling() -> None:
    refs = [reference(1, "Fischer", year=2003), reference(2, "Hansen", year=2004)]
    m1, m2 = _matches("Ver (Fisher, 2003) e (Jansen, 2004).", refs)
    assert m1.targets == ("ref-1",) and m1.name_mismatch  # a typo, reported
    assert m2.targets == ()  # another initial: another name


def test_names_differing_in_a_vowel_are_no_transliteration() -> None:
    refs = [reference(1, "Hanson", year=2003)]
    (m,) = _matches("Ver (Hansen, 2003).", refs)
    assert m.targets == ("ref-1",) and m.name_mismatch  # a typo, reported


# -- ABNT initials -------------------------------------------------------------------


def test_the_cited_initial_chooses_between_two_entries_of_one_name_and_year() -> None:
    refs = [
        _person_ref(1, 2017, ("VIANA", "C."), raw="VIANA, C. Estudo um. São Paulo, 2017."),
        _person_ref(2, 2017, ("VIANA", "M."), raw="VIANA, M. Estudo dois. São Paulo, 2017."),
    ]
    m1, m2, m3 = _matches("Ver (VIANA, C., 2017), (VIANA, M., 2017) e (VIANA, 2017).", refs)
    assert m1.targets == ("ref-1",)
    assert m2.targets == ("ref-2",)
    assert m3.targets == ("ref-1", "ref-2")  # no initial: still ambiguous


def test_an_initial_no_entry_has_leaves_the_choice_open() -> None:
    refs = [
        _person_ref(1, 2017, ("VIANA", "C.")),
        _person_ref(2, 2017, ("VIANA", "M.")),
    ]
    (m,) = _matches("Ver (VIANA, R., 2017).", refs)
    assert m.targets == ("ref-1", "ref-2")


# -- protologues ---------------------------------------------------------------------


def test_a_protologue_reads_both_abbreviated_authors() -> None:
    (c,) = extract_citations(
        document("Cinchona velutina Humb. & Bonpl., Pl. Aequinoct. 2: 16. 1809 ocorre.")
    )
    assert c.authors == ("Humb", "Bonpl") and c.year == 1809


def test_abbreviated_protologue_authors_cite_the_entry() -> None:
    refs = [reference(1, "Humboldt", "Bonpland", year=1809), reference(2, "Humboldt", year=1811)]
    (m,) = _matches("Cinchona velutina Humb. & Bonpl., Pl. Aequinoct. 2: 16. 1809 ocorre.", refs)
    assert m.targets == ("ref-1",)


def test_a_protologue_dated_as_the_entry_dates_its_first_printing() -> None:
    refs = [
        reference(
            1,
            "Humboldt",
            "Bonpland",
            year=1809,
            raw="Humboldt A, Bonpland A (1809 [1808]) Plantae aequinoctiales. Paris.",
        )
    ]
    (m,) = _matches("Aus bus Humb. & Bonpl., Pl. Aequinoc. 2: 10. 1808. TYPE.", refs)
    assert m.targets == ("ref-1",)


def test_a_one_author_abbreviation_cites_the_entry_of_that_year() -> None:
    refs = [reference(1, "Aublet", year=1775)]
    (m,) = _matches("Aus bus Aubl., Hist. Pl. Guiane 1: 16. 1775 ocorre.", refs)
    assert m.targets == ("ref-1",)


def test_an_abbreviation_never_links_another_year_nor_outside_a_protologue() -> None:
    refs = [reference(1, "Humboldt", "Bonpland", year=1809)]
    kept, _ = match_citations(
        extract_citations(document("Aus bus Humb. & Bonpl., Pl. Aequinoct. 2: 16. 1812 ocorre.")),
        refs,
    )
    assert kept == ()  # weak, and no entry of 1812: dropped, never missing
    (m,) = _matches("Como visto (Humb, 1809).", refs)
    assert m.targets == ()
