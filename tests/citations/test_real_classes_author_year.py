"""Author-year classes seen on the grown real-article corpus (issue 12), each with
made-up text of its kind: works published over a span of years, a label before a
semicolon, a cue or a description before the names after a comma, typists' stand-ins
for the apostrophe, the "el al." slip, and taxonomic authorities after an
abbreviated genus or an epithet the old endings missed.
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.citations.item_parser import parse_group
from citeaudit.manuscript.citations.years import parse_years
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty
from citeaudit.model.reference import Reference
from tests.citations.helpers import document, reference, summary


def works(content: str) -> list[tuple[tuple[str, ...], list[int | None]]]:
    return [(w.authors, [label.year for label in w.labels]) for w in parse_group(content)]


def sure_unmatched(text: str, refs: list[Reference]) -> list[str]:
    kept, matches = match_citations(extract_citations(document(text)), refs)
    return [
        c.item
        for c, m in zip(kept, matches, strict=True)
        if c.certainty is Certainty.SURE and not m.targets and not m.year_mismatch
    ]


def cited(text: str, refs: list[Reference]) -> set[str]:
    _kept, matches = match_citations(extract_citations(document(text)), refs)
    return {t for m in matches for t in (*m.targets, *m.year_mismatch)}


# -- a work published over years: its first year, as the list gives it ---------------


def test_a_span_of_years_is_one_label_with_the_first_year() -> None:
    labels, end = parse_years("1911–1927) and more") or ([], 0)
    assert [(label.year, label.text) for label in labels] == [(1911, "1911–1927")]
    assert end == len("1911–1927")
    labels, _ = parse_years("2003 onwards)") or ([], 0)
    assert [label.year for label in labels] == [2003]
    labels, _ = parse_years("2012+)") or ([], 0)
    assert [label.year for label in labels] == [2012]


def test_spans_in_a_group_and_after_a_name() -> None:
    assert works("Vornberg 1911–1927, Quintal and Apse 1988–2002") == [
        (("Vornberg",), [1911]),
        (("Quintal", "Apse"), [1988]),
    ]
    text = "The transfers implied by Oberholt (1890–1894) were later adopted."
    assert summary(extract_citations(document(text))) == [(("Oberholt",), 1890, None)]


def test_a_span_still_ends_at_a_dash_that_is_no_year() -> None:
    # "2001-x" is no span; the year itself is still read.
    labels, _end = parse_years("2001-x") or ([], 0)
    assert [label.year for label in labels] == [2001]


# -- a label before a semicolon is not an ABNT co-author ------------------------------


def test_a_label_then_a_two_author_work_is_not_three_authors() -> None:
    assert works("Parvulus; Mertens and Okafor 2013, Lindqvist and Okafor 2008") == [
        (("Mertens", "Okafor"), [2013]),
        (("Lindqvist", "Okafor"), [2008]),
    ]
    assert works("Quercetum; Halvorsen et al. 2016") == [(("Halvorsen",), [2016])]


def test_abnt_semicolons_still_join_co_authors() -> None:
    assert works("MOURA; TEIXEIRA, 2017") == [(("MOURA", "TEIXEIRA"), [2017])]
    assert works("ROCHA; BASTOS e LEME, 2012") == [(("ROCHA", "BASTOS", "LEME"), [2012])]


# -- a cue or lower-case words before the names after a comma -------------------------


def test_see_also_after_a_remark_and_a_comma() -> None:
    found = works("as spelt by an earlier traveller, see also Brandvold and Ostrem 1979")
    assert found == [(("Brandvold", "Ostrem"), [1979])]


def test_lower_case_words_after_a_comma_before_the_name() -> None:
    found = works("as Quillonia, as first circumscribed by Tarrasch 1868")
    assert found == [(("Tarrasch",), [1868])]


def test_two_names_after_a_comma_stay_co_authors() -> None:
    assert works("Halden, Morrow 2015") == [(("Halden", "Morrow"), [2015])]


def test_a_described_work_matches_its_entry() -> None:
    refs = [reference(1, "Brandvold", "Ostrem", year=1979)]
    text = "The pass (as spelt by an earlier traveller, see also Brandvold and Ostrem 1979)."
    assert cited(text, refs) == {"ref-1"}


# -- typists' apostrophes and the "el al." slip ------------------------------------------


def test_an_acute_accent_for_an_apostrophe_is_one() -> None:
    found = parse_group("Quenby 1850, D´Oralle 1971, 1990")
    assert [(w.authors, [label.year for label in w.labels]) for w in found] == [
        (("Quenby",), [1850]),
        (("D’Oralle",), [1971, 1990]),
    ]
    text = "Earlier, O´Brannagh et al. (2011) sampled the ridge."
    assert summary(extract_citations(document(text))) == [(("O’Brannagh",), 2011, None)]


def test_el_al_is_et_al() -> None:
    found = parse_group("Marvell el al. 2014")
    assert [(w.authors, w.et_al) for w in found] == [(("Marvell",), True)]


# -- taxonomic authorities are not citations of the list ------------------------------------


def test_authority_after_an_abbreviated_genus_is_never_missing() -> None:
    text = "It differs from T. ardentifer (Vollmar, 1903) in the size of its scales."
    assert sure_unmatched(text, []) == []


def test_authority_after_epithets_with_other_latin_endings() -> None:
    for binomial in ("Pholidota resinifax", "Homo sapiens"):
        text = f"Specimens of {binomial} (Kettering, 1907) were examined."
        assert sure_unmatched(text, []) == [], binomial


def test_english_words_with_latin_looking_endings_leave_the_citation_sure() -> None:
    """'-er', '-or', '-ns', '-ar' end countless English words: 'Rivers matter
    (Moreau, 2019)' is a citation whose missing entry must be reported."""
    for lead in ("Rivers matter", "Floods render", "Winds govern", "Lakes favor"):
        text = f"{lead} (Moreau, 2019) in every basin."
        assert sure_unmatched(text, []) == ["Moreau, 2019"], lead


def test_a_common_word_before_a_citation_is_no_epithet() -> None:
    text = "The other (Kettering, 1907) was sampled."
    assert sure_unmatched(text, []) == ["Kettering, 1907"]
    text = "A mulher (Kettering, 1907) foi ouvida."
    assert sure_unmatched(text, []) == ["Kettering, 1907"]


def test_an_authority_that_is_also_listed_still_links() -> None:
    refs = [reference(1, "Vollmar", year=1903)]
    text = "It differs from T. ardentifer (Vollmar, 1903) in its scales."
    assert cited(text, refs) == {"ref-1"}


# -- a label before the authors, and "et al." after one name only ----------------------


def test_a_database_named_before_the_authors_is_a_label() -> None:
    found = parse_group("Archive of Lichen Records, Pellworm and Ostby 2009")
    assert [(w.authors, w.certainty) for w in found] == [(("Pellworm", "Ostby"), Certainty.WEAK)]
    refs = [reference(1, "Pellworm", "Ostby", year=2009)]
    assert cited(
        "Sequences were matched (Archive of Lichen Records, Pellworm and Ostby 2009).", refs
    ) == {"ref-1"}


def test_three_personal_names_stay_three_authors() -> None:
    assert works("Hallam, Ferreday and Quist 2019") == [(("Hallam", "Ferreday", "Quist"), [2019])]


def test_et_al_follows_one_name_only() -> None:
    text = "It was placed in the tribe Brunonieae, and Ostrander et al. (2008) kept it there."
    assert summary(extract_citations(document(text))) == [(("Ostrander",), 2008, None)]


def test_taxonomists_reporting_verbs_make_a_narrative_candidate() -> None:
    text = "Later, Quillfeldt and Arno (1994) summarized the voyage material."
    (found,) = extract_citations(document(text))
    assert found.authors == ("Quillfeldt", "Arno")
    assert found.certainty is Certainty.CANDIDATE


# -- a committee's acronym with a slash; years that open a group of other works -----------


def test_an_acronym_with_a_slash_is_one_name() -> None:
    assert works("CTPA-NE/SO, 2016") == [(("CTPA-NE/SO",), [2016])]


def test_names_before_a_group_that_opens_with_their_year() -> None:
    text = "Marrow, Tuck e Pell (1987 apud Quental et al., 2009), mostram que"
    found = [(c.authors, c.year, c.certainty) for c in extract_citations(document(text))]
    # Read through Quental: the list holds Quental, and often not the original.
    assert found == [
        (("Marrow", "Tuck", "Pell"), 1987, Certainty.WEAK),
        (("Quental",), 2009, Certainty.SURE),
    ]
    text = "Halvard (2019; see also Brede 2020) found the same."
    assert summary(extract_citations(document(text))) == [
        (("Halvard",), 2019, None),
        (("Brede",), 2020, None),
    ]


def test_a_span_after_a_name_without_et_al_is_weak() -> None:
    # A life or a period as often as a work: counted only when an entry confirms it.
    for text in (
        "The botanist Karl Ostwald Vennholm (1853–1932) collected it.",
        "After the surveys in Lagoa Verde (1863-1866), including the caves.",
    ):
        (found,) = extract_citations(document(text))
        assert found.certainty is Certainty.WEAK, text
    refs = [reference(1, "Vennholm", year=1853)]
    assert sure_unmatched("The botanist Karl Ostwald Vennholm (1853–1932) collected it.", []) == []
    assert cited("Flora by Vennholm (1853–1932) was used.", refs) == {"ref-1"}
    (work,) = extract_citations(document("Taxa follow Quartermain et al. (1964–1980)."))
    assert work.certainty is Certainty.SURE


def test_botanists_x_in_y_cites_y() -> None:
    assert works("Quarrie and Tolland in Ashdown et al. 1978: 112") == [(("Ashdown",), [1978])]
    text = "first named by Quarrie and Tolland in Ashdown et al. (1978: 112). Later"
    assert summary(extract_citations(document(text))) == [(("Ashdown",), 1978, None)]
    assert works("Quarrie in press") == [(("Quarrie",), [None])]


def test_a_species_name_before_its_authors_in_a_group() -> None:
    found = parse_group("Halden 2008; Quercus tardiva Ostrander and Pell 1998")
    assert [(w.authors, w.certainty) for w in found] == [
        (("Halden",), Certainty.SURE),
        (("Ostrander", "Pell"), Certainty.WEAK),
    ]
    refs = [reference(1, "Ostrander", "Pell", year=1998)]
    assert cited("Two were named (Quercus tardiva Ostrander and Pell 1998).", refs) == {"ref-1"}
