"""Author-year classes found on the fresh split of the real-article bench: each a
false "uncited" or "missing" finding there. Made-up names and works throughout."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.citations.item_parser import parse_group
from citeaudit.manuscript.citations.years import parse_years
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty

from .helpers import document, reference


def works(content: str) -> list[tuple[tuple[str, ...], list[str | None]]]:
    return [
        (w.authors, [f"{label.year}{label.suffix or ''}" for label in w.labels])
        for w in parse_group(content)
    ]


def test_a_personal_communication_item_keeps_the_works_after_it() -> None:
    # "Kemper personal communication, Varga 1990a, ..." lost every Varga work
    found = works("Darrow 1981, Kemper personal communication, Varga 1990a, 1990b,1991")
    assert found == [(("Darrow",), ["1981"]), (("Varga",), ["1990a", "1990b", "1991"])]
    found = works("Darrow 1981; L. Kemper pers. comm.; Varga 1990")
    assert found == [(("Darrow",), ["1981"]), (("Varga",), ["1990"])]


def test_a_dated_personal_communication_is_still_no_work() -> None:
    assert works("Kemper, pers. comm., 2011") == []
    assert works("L. Kemper pers. comm. to P. Varga, 2013") == []


def test_the_article_before_a_name_that_opens_with_a_number() -> None:
    assert works("The 1000 Bird Songs Project Consortium, 2012") == [
        (("The 1000 Bird Songs Project Consortium",), ["2012"])
    ]


def test_zero_width_space_between_works() -> None:
    found = works("Ferraz et al. 2014b\u200b,Lindqvist et al. 2014")
    assert found == [(("Ferraz",), ["2014b"]), (("Lindqvist",), ["2014"])]


def test_sensu_glued_to_the_name() -> None:
    assert works("sensuOkonkwo 2004") == [(("Okonkwo",), ["2004"])]


def test_a_letter_range_after_a_year() -> None:
    labels, _ = parse_years("2013a-c)")  # type: ignore[misc]
    assert [f"{x.year}{x.suffix}" for x in labels] == ["2013a", "2013b", "2013c"]
    labels, _ = parse_years("2013a–b, 2015")  # type: ignore[misc]
    assert [f"{x.year}{x.suffix or ''}" for x in labels] == ["2013a", "2013b", "2015"]


def test_turkish_et_al_in_groups_and_narratives() -> None:
    assert works("Okonkwo ve diğ. 2010") == [(("Okonkwo",), ["2010"])]
    citations = extract_citations(document("raporu için Okonkwo ve ark. (2011) bakınız."))
    assert [(c.authors, c.et_al, c.year) for c in citations] == [(("Okonkwo",), True, 2011)]


def test_a_typed_at_al() -> None:
    assert [w.et_al for w in parse_group("Lindqvist at al. 2002")] == [True]


def test_a_collection_date_is_no_sure_work() -> None:
    # a month before the year: where and when a specimen was gathered
    for content in ("Vailoa, Nuku Moana, Feb. 2003, Tamasese 418", "Upolu, April 2004"):
        assert all(w.certainty is Certainty.WEAK for w in parse_group(content)), content
    assert all(w.certainty is Certainty.WEAK for w in parse_group("see Figs. 1588-1591"))


def _sure(text: str) -> list[tuple[tuple[str, ...], int | None]]:
    return [
        (c.authors, c.year)
        for c in extract_citations(document(text))
        if c.certainty is not Certainty.WEAK
    ]


def test_collector_numbers_beside_vernacular_names() -> None:
    text = (
        "Local names: mbala (Kadoa, Ferrant 1877), tunzi (Ombeke 561), "
        "lusaka (Miro, Dantec 1524), and (Ferrant 224, Ombeke & Lisa 1790, Dantec 11202)."
    )
    assert _sure(text) == []


def test_works_near_figures_and_pages_stay_sure() -> None:
    text = "As in Figure 123 and Page 212 (Ferrant 1877; Ombeke 1990)."
    assert _sure(text) == [(("Ferrant",), 1877), (("Ombeke",), 1990)]


def test_a_tautonym_before_an_authority() -> None:
    text = "Two specimens of Gorgon gorgon (de Lorme, 1840) were seen near Toliara."
    assert _sure(text) == []


def test_a_generation_after_the_cited_surname() -> None:
    text = "Shelters matter (Okafor et al. 2012, Brandão Jr 2009)."
    citations = extract_citations(document(text))
    refs = [
        reference(1, "Okafor", "Lind", year=2012),
        reference(2, "Brandão", year=2009, raw="Brandão, A. 2009. Uso de abrigos. Dissertação."),
    ]
    _, matches = match_citations(citations, refs)
    assert [m.targets for m in matches] == [("ref-1",), ("ref-2",)]


def test_a_work_dated_by_two_years_is_cited_by_either() -> None:
    text = "The lines (Allwood and Barr 1980: 485) and the beetle of Fairlie (1896)."
    refs = [
        reference(1, "Allwood", year=1979, raw="Allwood RT, Barr GE (1980 (1979)) Synopsis. T 1."),
        reference(2, "Fairlie", year=1897, raw="Fairlie L (1897 [‘1896’]) Descriptions. B 3."),
    ]
    _, matches = match_citations(extract_citations(document(text)), refs)
    assert [(m.targets, m.year_mismatch) for m in matches] == [(("ref-1",), ()), (("ref-2",), ())]


def test_a_preposition_glued_to_the_name() -> None:
    found = [(w.authors, w.certainty) for w in parse_group("Fig. 3; ridged scales ofBrenner, 2012")]
    assert found == [(("Brenner",), Certainty.WEAK)]
    # a product named so stays a guess: kept only where an entry confirms it
    assert [w.certainty for w in parse_group("inVivo 2019")] == [Certainty.WEAK]


def test_a_preposition_glued_to_a_narrative_citation() -> None:
    text = "As reported inHolm & Cardoso (1994), the bone is woven."
    citations = extract_citations(document(text))
    assert [(c.authors, c.year) for c in citations] == [(("Holm", "Cardoso"), 1994)]


def test_one_name_glued_to_in_or_and_is_linked_to_its_entry() -> None:
    text = "Slides made as described inWernick (2012), measured after Dodd (1975) andEvers (2010)."
    refs = [
        reference(1, "Wernick", year=2012),
        reference(2, "Dodd", year=1975),
        reference(3, "Evers", year=2010),
    ]
    _, matches = match_citations(extract_citations(document(text)), refs)
    assert sorted(t for m in matches for t in m.targets) == ["ref-1", "ref-2", "ref-3"]
