"""Taxonomic authorities in species lists and descriptions (made-up names throughout).

An authority after a binomial ("Aus pallidus (Quenby, 1833)") names who described
the species: it cites a work only when the list holds it. So it must never be
reported missing, yet, when the list does hold the describing work, it cites it (a
plain authority "Aus pallidus Quenby, 1833" too), and that entry is not "uncited".
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty
from citeaudit.model.reference import Reference
from tests.citations.helpers import document, reference


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


def test_epithets_with_endings_english_shares_inside_a_species_list() -> None:
    """-er, -or, -ns, -ar, -io, -ex epithets: a genus inside the sentence is Latin."""
    text = (
        "Records: Aus lutescens (Quenby, 1833), Bus pauper (Lenz, 1801), "
        "Cus discolor (Varro, 1790), Dus dispar (Hollin, 1812) and Eus morio (Tesk, 1841)."
    )
    assert sure_unmatched(text, []) == []


def test_the_same_endings_after_a_sentence_head_or_an_article_stay_citations() -> None:
    for text in (
        "Rivers matter (Moreau, 2019) in every basin.",
        "Dry years passed. Floods render (Moreau, 2019) the plain fertile.",
        "We sampled the Nile river (Moreau, 2019) twice.",
    ):
        assert sure_unmatched(text, []) == ["Moreau, 2019"], text


def test_a_plain_authority_cites_the_listed_describing_work() -> None:
    refs = [
        reference(1, "Quenby", year=1833),
        reference(2, "Lenz", "Varro", year=1801),
    ]
    text = (
        "It differs from Aus pallidus Quenby, 1833 and from Bus minor Lenz & Varro, 1801 "
        "in the shape of the penis."
    )
    assert cited(text, refs) == {"ref-1", "ref-2"}


def test_a_plain_authority_with_no_listed_work_is_no_finding() -> None:
    text = "It differs from Aus pallidus Quenby, 1833 in the shape of the penis."
    other_year = [reference(1, "Quenby", year=1840)]
    assert sure_unmatched(text, other_year) == []
    assert cited(text, other_year) == set()


def test_an_infraspecific_name_takes_its_collector_or_authority_weak() -> None:
    # "(Lerma 1597)" after a variety: a collector's number or an authority, not a work
    cits = extract_citations(document("Shown in C: Aus pilosus var. lermae (Lerma 1597) D."))
    assert [c.certainty for c in cits] == [Certainty.WEAK]
