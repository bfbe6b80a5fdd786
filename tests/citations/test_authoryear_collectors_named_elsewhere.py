"""A collector's number read as a year: "(Moreno 1544)" in a figure legend, when the
same document gives Moreno other numbers that are no years ("Moreno 2876 (F)").

Botanical and zoological papers list specimens by collector and number; a number
between 1500 and 2039 reads as a year, and a legend's "(Moreno 1544)", far from the
specimen list, became a "missing reference". A one-name work whose name the document
also writes before a number that cannot be a year is kept only when an entry confirms
it (WEAK), never reported missing. Made-up names and numbers throughout.
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.model.citation import Certainty

from .helpers import document

SPECIMENS = (
    "Specimens examined. PERU. Cusco: Valle Alto, 3400 m, 3 May 1990, Moreno 2876 (F); "
    "Pampa Seca, 12 Jun 1991, Moreno & Quispe 4411 (USM).\n\n"
)
LEGEND = "Figure 4. Aus bus var. cus. A Habit B Mature fruit, sepals intact. (Moreno 1544).\n"


def certainties(text: str) -> list[tuple[tuple[str, ...], int | None, Certainty]]:
    return [(c.authors, c.year, c.certainty) for c in extract_citations(document(text))]


def test_a_collector_named_with_other_numbers_is_no_sure_citation() -> None:
    found = certainties(SPECIMENS + "Some text here.\n\n" + LEGEND)
    assert (("Moreno",), 1544, Certainty.WEAK) in found
    assert all(c is not Certainty.SURE for a, _y, c in found if a == ("Moreno",))


def test_the_number_may_come_after_the_legend() -> None:
    found = certainties(LEGEND + "\nMore text.\n\n" + SPECIMENS)
    assert (("Moreno",), 1544, Certainty.WEAK) in found


def test_an_author_never_given_a_collector_number_stays_cited() -> None:
    text = "Fruits ripen late (Moreno 1998).\n\nSamples were 2876 in all (Table 2).\n"
    assert certainties(text) == [(("Moreno",), 1998, Certainty.SURE)]


def test_other_authors_in_a_specimen_paper_stay_cited() -> None:
    text = SPECIMENS + "The genus was revised (Lindqvist 1998; Moreno et al. 2004).\n"
    found = certainties(text)
    assert (("Lindqvist",), 1998, Certainty.SURE) in found
    assert (("Moreno",), 2004, Certainty.SURE) in found  # "et al.": a work, no collector


def test_units_and_instruments_are_no_collectors() -> None:
    text = "Reads came from a Figure 2500 run.\n\nAs shown before (Figure 1999).\n"
    # "Figure" is a unit word, never a collector: the work is read as before
    before = certainties("As shown before (Figure 1999).\n")
    assert certainties(text) == before
