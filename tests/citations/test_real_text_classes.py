"""Classes of citation found in real manuscripts, each with made-up text of its kind.

Each test names the class it guards (issue 12). The text is invented; only the shape
is taken from published articles: organisations as authors, several works in one
parenthesis, words inside it, ABNT, brackets, surnames that are words, narrative and
bare citations, look-alikes that are not citations.
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty, Citation, CitationMatch
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from tests.citations.helpers import document, reference


def run(text: str, refs: list[Reference]) -> list[tuple[Citation, CitationMatch]]:
    kept, matches = match_citations(extract_citations(document(text)), refs)
    return list(zip(kept, matches, strict=True))


def cited(text: str, refs: list[Reference]) -> set[str]:
    """Ids of the entries the text cites (year mismatches included)."""
    return {t for _, m in run(text, refs) for t in (*m.targets, *m.year_mismatch)}


def unmatched(text: str, refs: list[Reference]) -> list[str]:
    """Items of sure citations that match nothing: what missing-reference reports."""
    return [
        c.item
        for c, m in run(text, refs)
        if c.certainty is Certainty.SURE and not m.targets and not m.year_mismatch
    ]


def entry(index: int, raw: str, *families: str, year: int, given: str | None = None) -> Reference:
    """An entry as a list parser may have read it: `raw` as written, authors as read."""
    return Reference(
        id=f"ref-{index}",
        index=index,
        location=Location("refs", index),
        raw=raw,
        authors=tuple(Person(f, given) for f in families),
        year=year,
    )


# -- organisations as authors ---------------------------------------------------------


def test_organisation_read_by_the_list_as_a_person_is_matched_whole() -> None:
    refs = [
        entry(
            1,
            "Nordic Tide Registry. (2016). Gauge records.",
            "Registry",
            year=2016,
            given="Nordic Tide",
        ),
        entry(
            2,
            "Q Analysis Team. (2012). Q: a system for statistics.",
            "Analysis Team",
            year=2012,
            given="Q",
        ),
    ]
    text = "Gauges (Nordic Tide Registry, 2016) were read with Q Analysis Team (2012) tools."
    assert cited(text, refs) == {"ref-1", "ref-2"}
    assert unmatched(text, refs) == []


def test_organisation_cited_by_its_acronym_matches_the_entry_that_gives_it() -> None:
    refs = [
        entry(
            1,
            "Global Fisheries Council (GFC). (2020). Annual review.",
            "Global Fisheries Council (GFC)",
            year=2020,
        ),
        # the list side may not have found the organisation at all
        entry(2, "Andean Water Agency [AWA]. (2018). Basin atlas.", year=2018),
    ]
    assert cited("Catches fell (GFC, 2020; AWA, 2018).", refs) == {"ref-1", "ref-2"}


def test_organisation_is_matched_on_the_raw_entry_start_with_a_dash_acronym() -> None:
    refs = [entry(1, "INEA - Instituto Nacional de Estudos Agrários. Censo. 2015.", year=2015)]
    assert cited("Os dados (INEA, 2015) mostram.", refs) == {"ref-1"}


# -- several works in one parenthesis ---------------------------------------------------


def test_works_separated_by_commas() -> None:
    refs = [
        reference(1, "Varga", year=2009),
        reference(2, "Okafor", "Bell", "Rao", year=2018),
        reference(3, "Lindqvist", "Mora", year=2016),
    ]
    text = "Stocks shrank (Varga 2009, Okafor et al. 2018, Lindqvist and Mora 2016)."
    assert cited(text, refs) == {"ref-1", "ref-2", "ref-3"}


def test_one_author_several_years_and_suffixes() -> None:
    refs = [
        reference(1, "Petrenko", year=1987),
        reference(2, "Petrenko", year=1991),
        reference(3, "Haas", year=2019, suffix="a"),
        reference(4, "Haas", year=2019, suffix="b"),
    ]
    assert cited("(Petrenko 1987, 1991; Haas 2019a, b)", refs) == {
        "ref-1",
        "ref-2",
        "ref-3",
        "ref-4",
    }


# -- words inside the parenthesis ---------------------------------------------------------


def test_cue_words_labels_and_locators_inside() -> None:
    refs = [
        reference(1, "Ferro", year=2019),
        reference(2, "Quint", year=2020),
        reference(3, "Abaza", year=2001),
        reference(4, "Nordin", year=2005),
        reference(5, "Kessel", year=2014),
        reference(6, "Whitcombe", year=1978),
        reference(7, "Ibarra", year=2011),
    ]
    text = (
        "Known (reviewed in Ferro, 2019) and shown (e.g., Quint, 2020; see also Ibarra "
        "2011, p. 12). The idea (Abaza 2001 apud Nordin 2005) holds; data are deposited "
        "(Repository: Kessel 2014) and the model chosen by its score (XIC; Whitcombe, "
        "1978, pp. 3-5)."
    )
    assert cited(text, refs) == {f"ref-{i}" for i in range(1, 8)}
    assert unmatched(text, refs) == []


def test_unpublished_data_after_the_work_does_not_hide_it() -> None:
    refs = [reference(1, "Brandt", year=2018)]
    assert cited("(Brandt 2018 and unpublished data)", refs) == {"ref-1"}


def test_a_figure_label_before_a_work_is_not_a_name() -> None:
    refs = [reference(1, "Xavier", "Lund", "Peng", year=2010)]
    assert cited("(Figure 4B and Xavier et al., 2010)", refs) == {"ref-1"}


def test_a_label_before_names_is_dropped_when_the_names_fit() -> None:
    refs = [reference(1, "Randell", "Moss", "Tate", year=2013)]
    text = "Imaged with a stack (QPL, Randell et al., 2013)."
    assert cited(text, refs) == {"ref-1"}
    assert unmatched(text, refs) == []


def test_names_joined_by_and_are_never_dropped_for_a_shorter_fit() -> None:
    refs = [reference(1, "Jonsson", year=2019)]
    assert unmatched("(Smedley and Jonsson, 2019)", refs) == ["Smedley and Jonsson, 2019"]


# -- ABNT -----------------------------------------------------------------------------------


def test_abnt_semicolons_join_coauthors_in_capitals_and_in_mixed_case() -> None:
    refs = [
        reference(1, "GUIMARÃES", "FALCÃO", year=2018),
        reference(2, "Teles", "Barros", year=2021),
    ]
    text = "Como mostram (GUIMARÃES; FALCÃO, 2018) e (Teles; Barros, 2021, p. 44)."
    found = run(text, refs)
    assert [(c.authors, m.targets) for c, m in found] == [
        (("GUIMARÃES", "FALCÃO"), ("ref-1",)),
        (("Teles", "Barros"), ("ref-2",)),
    ]


def test_abnt_organisation_entry_whose_name_stands_first() -> None:
    refs = [entry(1, "A FOLHA DO VALE. Pesca em queda. Recife, 2019.", year=2019)]
    text = "Segundo A FOLHA DO VALE (2019), a pesca caiu (A FOLHA DO VALE, 2019)."
    assert cited(text, refs) == {"ref-1"}
    assert unmatched(text, refs) == []


# -- square brackets -----------------------------------------------------------------------


def test_author_year_in_square_brackets() -> None:
    refs = [reference(1, "Oduya", "Pratt", "Lenz", year=2008)]
    assert cited("Storms lasted longer [Oduya et al., 2008].", refs) == {"ref-1"}


# -- surnames that are also words ----------------------------------------------------------


def test_surnames_that_are_words_are_matched_in_citation_position() -> None:
    refs = [
        reference(1, "May", year=2011),
        reference(2, "Law", year=2013),
        reference(3, "Page", year=2018),
        reference(4, "Young", "Field", year=2017),
        reference(5, "Long", year=2004),
    ]
    text = (
        "Counts rose (May, 2011; Law 2013; Young and Field, 2017) as Long (2004) and "
        "Page (2018) found."
    )
    assert cited(text, refs) == {f"ref-{i}" for i in range(1, 6)}


def test_month_with_a_year_is_never_reported_missing() -> None:
    assert unmatched("The survey ran (May 2011) and (March, 2012).", []) == []


# -- narrative citations of works missing from the list --------------------------------------


def test_narrative_in_a_citing_context_is_a_possible_missing_reference() -> None:
    found = run("See also Thornbury (2015) for the method. Oyelaran (2016) showed it.", [])
    assert [(c.authors, c.certainty) for c, _ in found] == [
        (("Thornbury",), Certainty.CANDIDATE),
        (("Oyelaran",), Certainty.CANDIDATE),
    ]


def test_places_and_events_before_a_year_are_not_reported() -> None:
    text = (
        "Members joined one by one: Estonia (2004), then Moldova, Albania and Serbia (2009). "
        "The Rio Summit (1992) was followed by the Kyoto Protocol (1997)."
    )
    assert run(text, []) == []


# -- bare and narrative forms ----------------------------------------------------------------


def test_bare_author_year_in_running_text_counts_when_an_entry_confirms_it() -> None:
    refs = [reference(1, "Hartley", "Lomé", year=2019), reference(2, "Brook", year=2020)]
    text = "as shown by Hartley and Lomé, 2019, the decline is real; Brook 2020 agrees."
    assert cited(text, refs) == {"ref-1", "ref-2"}
    assert unmatched("as shown by Grenville, 2019, the decline is real.", refs) == []


def test_colleagues_and_page_locators_in_narrative() -> None:
    refs = [
        reference(1, "Ramires", "Soto", "Ortega", year=2015),
        reference(2, "Vidal", "Soler", year=2020),
    ]
    text = "Ramires and colleagues (2015) disagree, as do Vidal y Soler (2020, 60–62)."
    assert cited(text, refs) == {"ref-1", "ref-2"}


def test_narrative_does_not_take_the_word_before_the_names() -> None:
    refs = [
        reference(1, "Rivas", "Prado", year=2021),
        entry(
            2,
            "PARAGUAY. Ministerio de Pesca. Informe anual. Asunción, 2021.",
            "PARAGUAY",
            year=2021,
        ),
    ]
    found = run("Na Paraguay, Rivas e Prado (2021) confirmaram a queda.", refs)
    assert [(c.authors, m.targets) for c, m in found] == [(("Rivas", "Prado"), ("ref-1",))]


def test_connectors_in_many_languages() -> None:
    refs = [
        reference(i, a, b, year=2010 + i)
        for i, (a, b) in enumerate(
            [
                ("Aalto", "Berg"),
                ("Claes", "Dirks"),
                ("Eide", "Fosse"),
                ("Gil", "Homs"),
                ("Ince", "Juda"),
                ("Kusuma", "Lestari"),
            ],
            start=1,
        )
    ]
    text = (
        "Aalto och Berg (2011), Claes en Dirks (2012), Eide og Fosse (2013), "
        "Gil i Homs (2014), Ince ve Juda (2015), Kusuma dan Lestari (2016) all agree."
    )
    assert cited(text, refs) == {f"ref-{i}" for i in range(1, 7)}


# -- look-alikes ----------------------------------------------------------------------------


def test_taxonomic_authorities_are_not_missing_references() -> None:
    text = (
        "The snail Aus bus Smithers, 1949 is common; C. perplexa (Sowden II, 1857) and "
        "Conus (Stephanoconus) mappa [Lightwood, 1786] are rarer, as is Bus cus "
        "(Grieve, 1901)."
    )
    assert unmatched(text, []) == []


def test_standards_catalogue_numbers_and_captions_are_not_citations() -> None:
    text = (
        "Records follow ISO 690 (2010) and NBR 6023 (2018); see catalogue (USNM 2093). "
        "Source: Authors (2020). Fonte: elaborado pelos autores (2021)."
    )
    assert unmatched(text, []) == []
    assert [c for c, _ in run(text, []) if c.certainty is Certainty.CANDIDATE] == []


def test_a_parenthesis_inside_brackets_and_brackets_inside_a_parenthesis() -> None:
    refs = [
        reference(1, "National Centre for Gene Records", year=2008, organisation=True),
        reference(2, "Sutter", "Koval", "Brix", year=2011),
    ]
    text = (
        "[GenBank accession no. QX123456 (National Centre for Gene Records 2008)] and "
        "terms were grouped (http://terms.example.org, [Sutter et al., 2011])."
    )
    assert cited(text, refs) == {"ref-1", "ref-2"}


def test_bare_et_al_before_a_year_in_running_text() -> None:
    refs = [reference(1, "Falkner", "Roe", "Dunn", year=2005)]
    assert cited("Later, Falkner et al., 2005 were able to repeat it.", refs) == {"ref-1"}


def test_abnt_coauthors_after_other_works_and_apud() -> None:
    refs = [
        reference(1, "PEREIRA NETO", "RODAS", year=2015),
        reference(2, "SOBRAL", "GIACOMO", year=2016),
        reference(3, "GRUPILLO", year=2008),
    ]
    text = (
        "(ROHAN, 2014; PEREIRA-NETO; RODAS, 2015; SOBRAL; GIACOMO, 2016) e a cultura "
        "(PANKARU, apud GRUPILLO, 2008, p. 12)."
    )
    assert cited(text, refs) == {"ref-1", "ref-2", "ref-3"}


def test_organisation_with_lower_case_words_and_a_title_cut_short() -> None:
    refs = [
        entry(
            1,
            "The tables development team (2021). Tables. Zenodo.",
            "The tables development team",
            year=2021,
        ),
        entry(2, "CIDADÃO, Índio? Direção: X. Brasília, 2014.", "CIDADÃO", year=2014),
    ]
    text = "Data were read with tables (The tables development team, 2021) e (CIDADÃO..., 2014)."
    assert cited(text, refs) == {"ref-1", "ref-2"}


def test_laws_treaties_and_countries_before_a_year_are_not_candidates() -> None:
    text = (
        "The Lisbon Protocol (1997) established targets, ratified by Moldova (1998) and "
        "followed by Albania (2001). As shown by Thornbury (2015), it worked."
    )
    found = run(text, [])
    assert [c.authors for c, _ in found if c.certainty is Certainty.CANDIDATE] == [("Thornbury",)]


def test_double_surnames_names_with_digits_and_lower_case_organisations() -> None:
    refs = [
        entry(1, "Torrijos Vilaseca, M. A. (2003). La ciudad.", "Torrijos Vilaseca", year=2003),
        entry(2, "Torrijos Vilaseca, M. A. (2006). El centro.", "Torrijos Vilaseca", year=2006),
        entry(
            3,
            "500 Genomes Study Group, Abel G (2010). Variation.",
            "500 Genomes Study Group",
            year=2010,
        ),
        entry(4, "tidyframe (2020). tidyframe: tables. Zenodo.", "tidyframe", year=2020),
    ]
    text = (
        "(Torrijos e Vilaseca, 2003), segundo Torrijos (2006), (500 Genomes Study Group "
        "et al., 2010) and tables (McKinley, 2010; tidyframe, 2020)."
    )
    assert cited(text, refs) == {"ref-1", "ref-2", "ref-3", "ref-4"}


def test_a_title_first_entry_cut_short_with_an_ellipsis() -> None:
    refs = [entry(1, "PROFESSORA Ana Terena e a escola indígena. Vídeo. 2015.", year=2015)]
    assert cited("como disse (PROFESSORA ANA TERENA..., 2015, 1′ 03″).", refs) == {"ref-1"}


def test_an_organisation_named_with_lower_case_words_is_reported_when_missing() -> None:
    text = "Lessons (HPX Shell development team, 2021) and (the data for 2020) help."
    assert unmatched(text, []) == ["HPX Shell development team, 2021"]


# -- long author lists and suffixes on a lone entry -------------------------------------------


def test_vancouver_initials_read_as_the_family_name_still_match_the_first_author() -> None:
    # A list reader may take "Okonjo PHGM" as given "Okonjo", family "PHGM" (four
    # initials) when the entry has dozens of authors; the citation names Okonjo.
    many = ", ".join(f"Author{i} AB" for i in range(30))
    refs = [
        Reference(
            id="ref-1",
            index=1,
            location=Location("refs", 1),
            raw=f"Okonjo PHGM, {many}. 2015. Cave dating. Journal 4:e1.",
            authors=(Person("PHGM", "Okonjo"), Person("AB", "Author0")),
            year=2015,
        )
    ]
    assert cited("The site was dated (Okonjo et al., 2015).", refs) == {"ref-1"}
    assert unmatched("The site was dated (Okonjo et al., 2015).", refs) == []


def test_a_suffixed_year_cites_the_authors_lone_entry_of_that_year() -> None:
    refs = [entry(1, "TAVORA, L. Signos. São Paulo: Alfa, 2018.", "TAVORA", year=2018)]
    text = "Como diz Tavora (2018d), e também (TAVORA, 2018b, p. 162)."
    assert cited(text, refs) == {"ref-1"}
    assert unmatched(text, refs) == []


def test_suffixes_still_pick_by_position_among_several_entries_of_a_year() -> None:
    refs = [
        entry(1, "Ruiz, A. (2018). One.", "Ruiz", year=2018),
        entry(2, "Ruiz, A. (2018). Two.", "Ruiz", year=2018),
    ]
    assert [m.targets for _, m in run("(Ruiz, 2018b) and (Ruiz, 2018c)", refs)] == [
        ("ref-2",),
        (),
    ]


# -- bracket text that is not a citation --------------------------------------------------


def test_a_journal_locator_in_brackets_is_no_citation() -> None:
    text = "As the position stand says (Acta Kinesiol Scand 2004;18:220–231), walk."
    assert run(text, []) == []
    assert run("(Vet Rec Lond 1999;45(2):10-12)", []) == []


def test_month_ranges_products_and_catalogue_codes_are_never_reported_missing() -> None:
    text = (
        "Sampled twice (April-July 2011) and (Oct–Dec, 2012), measured on a "
        "(QUANTAcore 3000; Rivex Instruments), entered in (DataStat 2007), "
        "specimen (MNHN VR 2004)."
    )
    assert unmatched(text, []) == []


def test_a_product_shaped_name_still_matches_an_entry_that_lists_it() -> None:
    refs = [entry(1, "DataStat (2007). DataStat 3.1. Lyon.", "DataStat", year=2007)]
    assert cited("Entered in (DataStat 2007).", refs) == {"ref-1"}


def test_names_with_an_inner_capital_after_a_name_prefix_are_still_names() -> None:
    assert unmatched("(McAllister, 2019; DeVane, 2020)", []) == [
        "McAllister, 2019",
        "DeVane, 2020",
    ]


def test_the_original_read_through_apud_or_cited_in_is_not_reported_missing() -> None:
    refs = [entry(1, "QUEIROGA, F. Vozes. Natal: Beta, 2016.", "QUEIROGA", year=2016)]
    for text in (
        "(TAPUYA, 2015, apud QUEIROGA, 2016, p. 30)",
        "(Tapuya, 2015, cited in Queiroga, 2016)",
        "(TAPUYA, 2015 citado por QUEIROGA, 2016)",
    ):
        assert cited(text, refs) == {"ref-1"}, text
        assert unmatched(text, refs) == [], text
    # The original is still linked when the list does hold it.
    refs.append(entry(2, "TAPUYA, J. Cantos. Natal: Beta, 2015.", "TAPUYA", year=2015))
    assert cited("(TAPUYA, 2015, apud QUEIROGA, 2016)", refs) == {"ref-1", "ref-2"}


# -- a misspelt surname -----------------------------------------------------------------


def test_a_misspelt_first_author_cites_the_one_entry_of_that_year_spelt_nearly_so() -> None:
    refs = [
        entry(
            1, "Kowalczyk S, Brandt AS. 2000. Tides of change.", "Kowalczyk", "Brandt", year=2000
        ),
        entry(2, "TRAVNIKOV, V. Dialogues. Porto: Sol, 2017.", "TRAVNIKOV", year=2017),
        entry(3, "Ferrante, A. (2015). Lagoons.", "Ferrante", year=2015),
    ]
    assert cited("(Kowalcyzk and Brandt, 2000)", refs) == {"ref-1"}
    assert cited("as Trawnikov (2017) wrote", refs) == {"ref-2"}
    assert cited("(FERRRANTE, 2015)", refs) == {"ref-3"}
    assert unmatched("(Kowalcyzk and Brandt, 2000; FERRRANTE, 2015)", refs) == []


def test_a_near_spelling_of_another_year_or_another_initial_is_still_missing() -> None:
    refs = [
        entry(1, "Kowalczyk S. 2000. Tides.", "Kowalczyk", year=2000),
        entry(2, "Marsh T. 2011. Fens.", "Marsh", year=2011),
        entry(3, "Delacroix P. 2012. Dunes.", "Delacroix", year=2012),
        entry(4, "Delacroux Q. 2012. Capes.", "Delacroux", year=2012),
    ]
    assert unmatched("(Kowalcyzk, 2003)", refs) == ["Kowalcyzk, 2003"]
    # a short name a letter off: another work when the entry is cited as written (alone,
    # the entry otherwise uncited, it is linked as a misspelling: matching/pairs.py)
    assert unmatched("(Marsh, 2011; Marsch, 2011)", refs) == ["Marsch, 2011"]
    assert unmatched("(Bowalczyk, 2000)", refs) == ["Bowalczyk, 2000"]
    assert unmatched("(Delacrox, 2012)", refs) == ["Delacrox, 2012"]  # two near entries


# -- a number in round brackets after a value reported in prose -------------------------


def test_round_bracket_numbers_after_a_value_in_a_sentence_are_citations() -> None:
    from tests.citations.test_numeric_real_classes import cited as numbers_cited
    from tests.citations.test_numeric_real_classes import numbered

    body = (
        "Pain was moderate at NRS < 4 (1). The rate was 12,7/100.000 (2). "
        "Two rules, 17/09 (3) and 41/11 (4) followed, as studies found (5)."
    )
    assert numbers_cited(numbered(body, entries=5)) == [[1], [2], [3], [4], [5]]
    # formulas keep their equation numbers: a variable, an "=", or the line's end
    formulas = (
        "As found (5), (6) and (7). Hence y = x/2 (1). Then a < 4 (2), b > 3 (3). "
        "Also\nz < 10 (4)\nas cited (8)."
    )
    assert numbers_cited(numbered(formulas, entries=8)) == [[5], [6], [7], [8]]


# -- square brackets glued in runs, and a single number after an interval word ---------


def test_glued_runs_of_bracketed_numbers_are_each_a_citation() -> None:
    from tests.citations.test_numeric_real_classes import cited as numbers_cited
    from tests.citations.test_numeric_real_classes import numbered

    body = (
        "Seen before [1], [2], [3][4],[5],[6][7]. "
        "Markdown [8][ref] and [8](https://example.org) are links."
    )
    assert numbers_cited(numbered(body, entries=8)) == [[1], [2], [3], [4], [5], [6], [7]]


def test_one_number_after_an_interval_word_cites_but_two_are_an_interval() -> None:
    from tests.citations.test_numeric_real_classes import cited as numbers_cited
    from tests.citations.test_numeric_real_classes import numbered

    body = "Found [1] and [2], in the same age range [3]. The range [2-4] and 95% CI [1, 3]."
    assert numbers_cited(numbered(body, entries=4)) == [[1], [2], [3]]


# -- a surname after a lower-case elided particle -----------------------------------------


def test_a_surname_after_an_elided_lower_case_particle_is_a_narrative_citation() -> None:
    refs = [
        entry(1, "d’ Aubrac, L. (1992). Lattice flows.", "d’ Aubrac", year=1992),
        entry(2, "dell’Orso, M. (2004). Canali.", "dell’Orso", year=2004),
    ]
    assert cited("(e.g. see d’Aubrac (1992), and later)", refs) == {"ref-1"}
    assert cited("as dell’Orso (2004) noted", refs) == {"ref-2"}
    assert cited("in l’année (2004) the rains came", refs) == set()


# -- a year and a page, the author named before -------------------------------------------


def test_a_year_and_page_after_a_quotation_cites_the_author_named_before() -> None:
    from citeaudit.manuscript.document import Document, Line, RawEntry

    listed = [
        entry(1, "VARELLA, Ana. O olhar. Recife: Sol, 2016.", "VARELLA", year=2016),
        entry(2, "MOURET, Luc. Leçons. Lyon: Rive, 1987.", "MOURET", year=1987),
        entry(3, "SOUSA, J. Outra obra. Natal: Beta, 2016.", "SOUSA", year=2016),
    ]
    text = (
        "Para Varella, o olhar muda: “cada vez mais fragmentado.” (2016, p. 126).\n\n"
        "Mouret diz que “sabe de alguma coisa” (1987, p.19). Em Natal (1990, p. 4).\n\n"
        "Sem nome aqui: “uma frase” (2016, p. 3). E (2016)."
    )
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(text.split("\n"), start=1))
    raws = tuple(RawEntry(r.raw, r.location, r.raw) for r in listed)
    doc = Document("p.md", "markdown", lines, reference_entries=raws)
    kept, matches = match_citations(extract_citations(doc), listed)
    found = [(c.item, m.targets) for c, m in zip(kept, matches, strict=True)]
    assert found == [("Varella, 2016", ("ref-1",)), ("Mouret, 1987", ("ref-2",))]
    assert all(c.certainty is Certainty.SURE for c in kept)  # confirmed by the entry
