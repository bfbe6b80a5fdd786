"""Matching as a careful editor does: one plausible entry is the one cited.

Every name, title and year here is made up.
"""

from __future__ import annotations

import dataclasses

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.matching.names import names_match
from citeaudit.model.citation import CitationMatch
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from citeaudit.model.surnames import PARTICLES, fold_name, is_particle
from tests.citations.helpers import document, reference


def matches(text: str, refs: list[Reference]) -> list[CitationMatch]:
    _kept, found = match_citations(extract_citations(document(text)), refs)
    return list(found)


def entry(index: int, raw: str, *families: str, year: int | None, title: str = "") -> Reference:
    return dataclasses.replace(reference(index, *families, year=year, raw=raw), title=title or None)


# -- one list of particles ------------------------------------------------------------


def test_particles_are_one_list_for_every_reader() -> None:
    assert {"van", "der", "de", "da", "dos", "von", "ibn", "d'"} <= PARTICLES
    assert is_particle("Van") and is_particle("d’") and not is_particle("Smith")
    assert fold_name("Šimić") == "simic" and fold_name("Иванов") == "ivanov"


# -- spellings ------------------------------------------------------------------------


def test_a_name_in_another_script_is_the_same_name() -> None:
    refs = [reference(1, "Петренко", year=2015)]
    assert [m.targets for m in matches("(Petrenko, 2015)", refs)] == [("ref-1",)]
    assert names_match("Petrenko", "Петренко")


def test_an_umlaut_written_out_is_no_misspelling() -> None:
    refs = [reference(1, "Grünwald", "Tesch", "Obst", year=2015)]
    found = matches("(Gruenwald et al., 2015)", refs)
    assert [(m.targets, m.name_mismatch) for m in found] == [(("ref-1",), False)]


def test_organisation_by_whole_name_and_by_the_acronym_the_entry_gives() -> None:
    refs = [
        reference(1, "R Core Team", year=2021, organisation=True),
        reference(2, "Nordic Lake Survey (NLS)", year=2016, organisation=True),
    ]
    text = "(R Core Team, 2021); Nordic Lake Survey (2016); (NLS, 2016)"
    assert [m.targets for m in matches(text, refs)] == [("ref-1",), ("ref-2",), ("ref-2",)]


# -- years ----------------------------------------------------------------------------


def test_a_year_read_from_the_title_does_not_make_the_entry_another_years() -> None:
    raw = "Okafor, T.; Lind, P. Fens mapped from 1980 to 2015. Wetland Notes, v. 3, 2022."
    refs = [entry(1, raw, "Okafor", "Lind", year=1980, title="Fens mapped from 1980 to 2015")]
    found = matches("(Okafor; Lind, 2022)", refs)
    assert [(m.targets, m.year_mismatch) for m in found] == [(("ref-1",), ())]


def test_the_original_editions_year_cites_the_reprint() -> None:
    refs = [
        entry(
            1, "Halvorsen, K. (2003). Tides (Original work published 1971).", "Halvorsen", year=2003
        ),
        entry(2, "Quintero, A. (2009 [1859]). Voyage. Lisboa: Sol.", "Quintero", year=2009),
        entry(3, "Ebert, U. (1998/2011). Stoffe. Wien: Ost.", "Ebert", year=2011),
    ]
    text = "Halvorsen (1971), (Quintero, 1859), Ebert (1998) and (Halvorsen, 2003)"
    assert [m.targets for m in matches(text, refs)] == [
        ("ref-1",),
        ("ref-2",),
        ("ref-3",),
        ("ref-1",),
    ]


def test_a_year_off_by_one_is_a_year_mismatch_not_a_missing_work() -> None:
    refs = [reference(1, "Brandvold", "Ikeda", year=2016)]
    found = matches("(Brandvold & Ikeda, 2015)", refs)
    assert [(m.targets, m.year_mismatch) for m in found] == [((), ("ref-1",))]


# -- names the text cut or misspelt -----------------------------------------------------


def test_a_narrative_list_read_from_its_last_name_cites_that_entry() -> None:
    refs = [reference(1, "Faria", "Pinto Lobo", "Costa-Viana", year=2019)]
    found = matches("as Costa-Viana (2019) wrote", refs)
    # linked, and no name is misspelt: no citation-name-mismatch ("spells the author
    # 'Costa-Viana'" was a false alarm on every such reading of real articles)
    assert [(m.targets, m.name_mismatch) for m in found] == [(("ref-1",), False)]


def test_a_middle_author_cited_with_et_al_is_another_work() -> None:
    # ... when the entry is cited as itself too; an entry otherwise uncited, the only
    # one of that year naming the author, is the work cited (matching/pairs.py, m7)
    refs = [reference(1, "Dorrance", "Ilves", "Marchetti", "Wen", "Kobayashi", year=2016)]
    found = matches("(Dorrance et al., 2016). (Wen et al., 2016)", refs)
    assert [m.targets for m in found] == [("ref-1",), ()]


def test_a_short_name_one_letter_off_matches_when_et_al_ties_it() -> None:
    refs = [reference(1, "Rocha", "Lemos", "Vieira", year=2014)]
    found = matches("Rochas et al. (2014)", refs)
    assert [(m.targets, m.name_mismatch) for m in found] == [(("ref-1",), True)]
    # alone, the name is tied by the entry being otherwise uncited (matching/pairs.py);
    # beside a citation of Rocha (2014) as written, "Rochas" is another work
    alone = matches("(Rochas, 2014)", refs)
    assert [(m.targets, m.name_mismatch) for m in alone] == [(("ref-1",), True)]
    assert [m.targets for m in matches("(Rocha et al., 2014; Rochas, 2014)", refs)] == [
        ("ref-1",),
        (),
    ]


def test_editors_stand_in_for_authors() -> None:
    ref = Reference(
        id="ref-1",
        index=1,
        location=reference(1, "X").location,
        raw="Almeida, R. (Ed.). (2010). Handbook of fens. London: Moor.",
        editors=(Person("Almeida", "R."),),
        year=2010,
    )
    assert [m.targets for m in matches("(Almeida, 2010)", [ref])] == [("ref-1",)]


def test_of_several_other_years_the_one_a_year_away_is_the_mismatch() -> None:
    refs = [reference(1, "Brandvold", year=2009), reference(2, "Brandvold", year=2016)]
    found = matches("(Brandvold, 2015)", refs)
    assert [(m.targets, m.year_mismatch) for m in found] == [((), ("ref-2",))]


def test_undated_citations_and_entries_meet_whatever_they_call_it() -> None:
    refs = [reference(1, "Quaresma", no_date=True)]
    assert [m.targets for m in matches("(Quaresma, in press)", refs)] == [("ref-1",)]


def test_the_first_part_of_a_hyphenated_surname_cites_the_entry() -> None:
    refs = [reference(1, "Gómez-Ferreira", year=2018)]
    assert [m.targets for m in matches("(Gómez, 2018)", refs)] == [("ref-1",)]


def test_a_newsroom_cited_with_its_periodical_cites_the_newsrooms_entry() -> None:
    refs = [
        entry(
            1, "REDAÇÃO. Chuvas no sertão. Folha do Vale, 3 de maio de 2021.", "REDAÇÃO", year=2021
        )
    ]
    assert [m.targets for m in matches("como noticiado (cf. Redação. Folha, 2021).", refs)] == [
        ("ref-1",)
    ]


def test_an_organisations_joining_words_may_differ() -> None:
    assert names_match("Perfil do leitor", "PERFIL DE LEITOR")
    assert names_match("Conselho Regional da Pesca", "Conselho Regional de Pesca")
    assert not names_match("Conselho Regional da Pesca", "Conselho Federal da Pesca")


def test_names_glued_together_in_the_list_still_open_the_entry() -> None:
    refs = [
        entry(1, "OkaforTLindPA (2005) Fens of the north. Moor Press.", "OkaforTLindPA", year=2005),
        entry(2, "Okaforo, B. (2005). Other fens. Moor Press.", "Okaforo", year=2005),
    ]
    found = matches("(Okafor and Lind 2005)", refs)
    assert [m.targets for m in found] == [("ref-1",)]


def test_a_body_cited_by_its_first_word_opens_its_entry() -> None:
    refs = [entry(1, "FENWATCH Standards Subcommittee (2016) Guidelines.", "X", year=2016)]
    refs[0] = dataclasses.replace(refs[0], authors=())
    assert [m.targets for m in matches("listed (FENWATCH 2016).", refs)] == [("ref-1",)]
    assert [m.targets for m in matches("listed (FENWATCH 2015).", refs)] == [()]


def test_the_first_year_of_a_works_span_cites_it() -> None:
    refs = [
        entry(1, "Quist, A. (2015–2017) Plants of the fens. Online catalogue.", "Quist", year=None)
    ]
    assert [m.targets for m in matches("(Quist 2015)", refs)] == [("ref-1",)]


def test_a_label_before_two_authors_joined_by_and_is_dropped() -> None:
    refs = [reference(1, "Quist", "Harrow", year=2007), reference(2, "Harrow", year=2019)]
    found = matches("records (Fen Data Portal, Quist and Harrow 2007).", refs)
    assert [m.targets for m in found] == [("ref-1",)]
    assert [m.targets for m in matches("(Quist and Harrow, 2019)", refs)] == [()]
