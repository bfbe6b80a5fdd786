from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.matching.names import names_match, normalise_name
from citeaudit.model.citation import Citation, CitationMatch
from citeaudit.model.reference import Reference
from tests.citations.helpers import document, reference


def run(
    text: str, refs: list[Reference], fmt: str = "markdown"
) -> list[tuple[Citation, CitationMatch]]:
    cits = extract_citations(document(text, fmt=fmt))
    kept, matches = match_citations(cits, refs)
    assert [c.id for c in kept] == [m.citation_id for m in matches]
    return list(zip(kept, matches, strict=True))


def targets(text: str, refs: list[Reference], fmt: str = "markdown") -> list[tuple[str, ...]]:
    return [m.targets for _, m in run(text, refs, fmt)]


# -- names ----------------------------------------------------------------------------


def test_normalise_name() -> None:
    assert normalise_name("*Šimić.*") == "simic"
    assert normalise_name("Müller") == "muller"
    assert normalise_name("Van der Berg") == "van der berg"


def test_names_match_tolerates_case_particles_accents_and_acronyms() -> None:
    assert names_match("Van der Berg", "van der Berg")
    assert names_match("Berg", "van der Berg")
    assert names_match("DeKirty", "Dekirty")
    assert names_match("Simic", "Šimić")
    assert names_match("Fakhrunisa.", "Fakhrunisa")
    assert names_match("CSTO", "Collective Security Treaty Organization (CSTO)")
    assert names_match("CSTO", "Collective Security Treaty Organization")
    assert names_match("World Health Organization", "WHO")
    assert names_match("WHO", "World Health Organization [WHO]")
    assert not names_match("Smith", "Smyth")
    assert not names_match("Garcia Marquez", "Gonzalez Moreno")  # same initials only
    assert not names_match("Lee", "Leeds")


# -- author-year ------------------------------------------------------------------------


def test_first_author_and_year() -> None:
    refs = [reference(1, "Smith", year=2019), reference(2, "Lee", "Park", year=2020)]
    assert targets("(Smith, 2019; Lee & Park, 2020)", refs) == [("ref-1",), ("ref-2",)]


def test_year_suffix_must_match_its_entry() -> None:
    refs = [
        reference(1, "Lee", year=2020, suffix="a"),
        reference(2, "Lee", year=2020, suffix="b"),
    ]
    assert targets("(Lee, 2020a) and (Lee, 2020b)", refs) == [("ref-1",), ("ref-2",)]


def test_year_without_suffix_is_ambiguous_between_suffixed_entries() -> None:
    refs = [
        reference(1, "Lee", year=2020, suffix="a"),
        reference(2, "Lee", year=2020, suffix="b"),
    ]
    assert targets("(Lee, 2020)", refs) == [("ref-1", "ref-2")]


def test_year_mismatch_is_reported_apart_from_targets() -> None:
    refs = [reference(1, "Lowndes", year=2017), reference(2, "Other", year=2018)]
    ((_, match),) = run("(Lowndes, 2018)", refs)
    assert match.targets == ()
    assert match.year_mismatch == ("ref-1",)


def test_suffix_cited_for_unsuffixed_entries_names_them_in_list_order() -> None:
    # The list wrote no suffixes (or they were not read): "a" is the first same-year
    # entry, "b" the second, as APA orders them; a letter past them names neither.
    refs = [reference(1, "Lee", year=2020), reference(2, "Lee", year=2020)]
    found = run("(Lee, 2020a) (Lee, 2020b) (Lee, 2020c)", refs)
    assert [(m.targets, m.year_mismatch) for _, m in found] == [
        (("ref-1",), ()),
        (("ref-2",), ()),
        ((), ()),
    ]
    ((_, match),) = run("(Lee, 2020c)", refs)
    assert match.year_mismatch == ("ref-1", "ref-2")


def test_an_entry_cited_exactly_elsewhere_is_no_year_mismatch_candidate() -> None:
    # "(Grine et al., 1993, 1996)" with only 1996 listed: 1993 is a missing work.
    refs = [reference(1, "Grover", "Dent", "Lacy", year=1996)]
    found = run("(Grover et al., 1993, 1996)", refs)
    assert [(m.targets, m.year_mismatch) for _, m in found] == [((), ()), (("ref-1",), ())]
    ((_, alone),) = run("(Grover et al., 1993)", refs)
    assert alone.year_mismatch == ("ref-1",)


def test_a_year_the_list_reader_missed_is_found_in_the_entry_as_written() -> None:
    misread = reference(
        1, "Visser", year=1790, raw="Visser P. 1982. Foraging. Insects 2:1790-1799."
    )
    ((_, match),) = run("(Visser, 1982)", [misread])
    assert match.targets == ("ref-1",)
    ((_, match),) = run("(Visser, 1983)", [misread])
    assert match.year_mismatch == ("ref-1",)


def test_no_match_at_all() -> None:
    ((_, match),) = run("(Nobody, 2019)", [reference(1, "Smith", year=2019)])
    assert match == CitationMatch(match.citation_id)


def test_author_count_picks_among_entries_that_fit() -> None:
    refs = [
        reference(1, "Smith", year=2019),
        reference(2, "Smith", "Lee", year=2019),
        reference(3, "Smith", "Lee", "Park", year=2019),
    ]
    text = "(Smith, 2019) (Smith & Lee, 2019) (Smith et al., 2019)"
    assert targets(text, refs) == [("ref-1",), ("ref-2",), ("ref-3",)]


def test_et_al_tolerates_two_authors_when_nothing_fits_better() -> None:
    assert targets("(Smith et al., 2019)", [reference(1, "Smith", "Lee", year=2019)]) == [
        ("ref-1",)
    ]


def test_count_form_does_not_turn_a_match_into_a_miss() -> None:
    # One name cited for a two-author work: still that work (a style problem, not a miss).
    assert targets("(Smith, 2019)", [reference(1, "Smith", "Lee", year=2019)]) == [("ref-1",)]


def test_markup_stray_punctuation_case_and_accents() -> None:
    refs = [
        reference(1, "CSTO", year=2022, organisation=True),
        reference(2, "Fakhrunisa", year=2019),
        reference(3, "Dekirty", year=2021),
        reference(4, "Šimić", year=2019),
        reference(5, "van der Berg", year=2010),
    ]
    text = "(*CSTO*, 2022) (Fakhrunisa., 2019) (DeKirty, 2021) (Simic, 2019) (Van der Berg, 2010)"
    assert targets(text, refs) == [("ref-1",), ("ref-2",), ("ref-3",), ("ref-4",), ("ref-5",)]


def test_organisation_by_acronym_and_by_full_name() -> None:
    refs = [
        reference(
            1, "Collective Security Treaty Organization (CSTO)", year=2022, organisation=True
        ),
        reference(2, "World Health Organization", year=2020, organisation=True),
    ]
    assert targets("(CSTO, 2022) (WHO, 2020)", refs) == [("ref-1",), ("ref-2",)]


def test_organisation_name_containing_and() -> None:
    refs = [
        reference(
            1,
            "Organisation for Economic Co-operation and Development",
            year=2019,
            organisation=True,
        )
    ]
    text = "(Organisation for Economic Co-operation and Development, 2019)"
    assert targets(text, refs) == [("ref-1",)]


def test_no_date() -> None:
    refs = [reference(1, "Smith", no_date=True), reference(2, "Smith", year=2019)]
    assert targets("(Smith, n.d.) (Smith, t.t.)", refs) == [("ref-1",), ("ref-1",)]


# -- narrative confirmation -----------------------------------------------------------


def test_unconfirmed_narrative_candidates_are_dropped() -> None:
    text = (
        "Kemudian diikuti oleh Azerbaijan, Belarusia dan Georgia (1993). Dilansir dari "
        "website resmi *NATO* (2022), anggota. Rusia (2014) juga."
    )
    refs = [reference(1, "NATO", year=2022, organisation=True)]
    kept = run(text, refs)
    assert [(c.text, m.targets) for c, m in kept] == [("*NATO* (2022)", ("ref-1",))]


def test_confirmed_narrative_is_kept_even_with_a_year_mismatch() -> None:
    ((cit, match),) = run("As Lowndes (2018) argues", [reference(1, "Lowndes", year=2017)])
    assert cit.narrative and match.year_mismatch == ("ref-1",)


def test_narrative_name_is_cut_to_the_part_that_matched() -> None:
    ((cit, match),) = run(
        "Intro.\nMenurut Hadiwinata (2017) negara", [reference(1, "Hadiwinata", year=2017)]
    )
    assert cit.authors == ("Hadiwinata",)
    assert cit.text == "Hadiwinata (2017)"
    assert (cit.location.line, cit.location.column) == (2, 9)
    assert match.targets == ("ref-1",)


def test_narrative_et_al_needs_no_confirmation() -> None:
    ((cit, match),) = run("Smith et al. (2019) found", [reference(1, "Lee", year=2019)])
    assert cit.et_al and match.targets == ()


def test_parenthetical_needs_no_confirmation() -> None:
    ((_, match),) = run("(Nobody, 2019)", [])
    assert match.targets == ()


# -- keys ---------------------------------------------------------------------------------


def test_keys_match_exactly_first_then_case_insensitively_like_bibtex() -> None:
    refs = [
        reference(1, "A", year=2001, key="Smith2019"),
        reference(2, "B", year=2002, key="smith2019"),
        reference(3, "C", year=2003, key="Lee2020"),
    ]
    text = r"\cite{smith2019} \cite{Smith2019} \cite{SMITH2019} \cite{lee2020} \cite{nope}"
    assert targets(text, refs, fmt="latex") == [
        ("smith2019",),
        ("Smith2019",),
        ("Smith2019", "smith2019"),
        ("Lee2020",),
        (),
    ]


def test_nocite_star_cites_every_entry() -> None:
    refs = [reference(1, "A", year=2001, key="a"), reference(2, "B", year=2002, key="b")]
    assert targets(r"\nocite{*}", refs, fmt="latex") == [("a", "b")]


def test_pandoc_keys() -> None:
    refs = [reference(1, "A", year=2001, key="smith2019")]
    assert targets("[see @smith2019, p. 3] and @smith2019 says", refs) == [
        ("smith2019",),
        ("smith2019",),
    ]


def test_narrative_at_handles_are_dropped_when_the_bibliography_has_no_keys() -> None:
    refs = [reference(1, "Smith", year=2019)]
    kept = run("Follow @smith on social media (Smith, 2019). Cite [@smith2019].", refs)
    assert [c.text for c, _ in kept] == ["(Smith, 2019)", "[@smith2019]"]


# -- numbers ------------------------------------------------------------------------------


def test_numbers_match_positions_in_a_numbered_list() -> None:
    refs = [
        reference(i, name, year=2000 + i, raw=f"[{i}] {name}, 200{i}.")
        for i, name in enumerate(["A", "B", "C"], start=1)
    ]
    assert targets("As shown [1], [2]-[3] and [9].", refs) == [
        ("ref-1",),
        ("ref-2",),
        ("ref-3",),
        (),
    ]


def test_numbers_in_an_author_year_paper_are_not_citations() -> None:
    refs = [
        reference(1, "Smith", year=2019, raw="- Smith, J. (2019). Title."),
        reference(2, "Lee", year=2020),
    ]
    kept = run("(Smith, 2019) and (Lee, 2020) and item [2] of the list.", refs)
    assert [c.text for c, _ in kept] == ["(Smith, 2019)", "(Lee, 2020)"]


def test_numbers_kept_when_they_are_the_papers_style_even_without_labels() -> None:
    refs = [reference(1, "Smith", year=2019), reference(2, "Lee", year=2020)]
    assert targets("Known [1] and [2].", refs) == [("ref-1",), ("ref-2",)]
