"""Matching names written otherwise than the entry writes them (made-up works): a full
name in the other order, an acronym for part of a body's name, and numbers that are
counts, not citations, in an author-year paper."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import CitationKind
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from tests.citations.helpers import document, reference


def _person_ref(index: int, family: str, given: str, year: int, raw: str = "") -> Reference:
    return Reference(
        id=f"ref-{index}",
        index=index,
        location=Location("refs.txt", index),
        raw=raw or f"{family} {given} ({year}) A title. A Journal 1: 2.",
        authors=(Person(family, given=given), Person("Lindqvar", given="P")),
        year=year,
    )


def _targets(text: str, refs: list[Reference]) -> list[tuple[str, ...]]:
    _, matches = match_citations(extract_citations(document(text)), refs)
    return [m.targets for m in matches]


# -- given and family names in the other order --------------------------------------------


def test_a_full_name_in_the_other_order_links_the_entry() -> None:
    # the list read "Zhu Wen" as given "Zhu", family "Wen"; the text writes "Wen Zhu"
    refs = [
        _person_ref(1, "Wen", "Zhu", 2011, raw="Zhu Wen, Lindqvar P (2011) A title."),
        _person_ref(2, "Zhu", "L", 2004),  # another Zhu: the list's opening is no help
    ]
    assert _targets("Found on the island (Wen Zhu et al. 2011).", refs) == [("ref-1",)]
    assert _targets("Found on the island (Zhu Wen et al. 2011).", refs) == [("ref-1",)]


def test_a_given_name_picks_the_entry_of_its_initial() -> None:
    refs = [_person_ref(1, "Zhu", "W.", 2011), _person_ref(2, "Zhu", "L.", 2011)]
    assert _targets("Found on the island (Wen Zhu et al. 2011).", refs) == [("ref-1",)]


def test_another_given_name_is_no_swap() -> None:
    refs = [_person_ref(1, "Wen", "Zhu", 2011, raw="Zhu Wen, Lindqvar P (2011) A title.")]
    assert _targets("Found on the island (Wen Qiao et al. 2011).", refs) == [()]


# -- an acronym for part of a body's name ---------------------------------------------------


def _body(name: str, year: int = 2010) -> Reference:
    return reference(1, name, year=year, organisation=True, raw=f"{name} ({year}) Outlook.")


def test_an_acronym_inside_the_name_links_the_body() -> None:
    refs = [_body("Secretariat of the Convention on Wetland Futures")]
    for cited in ("CWF Secretariat", "Secretariat of the CWF", "SCWF"):
        assert _targets(f"Targets were set ({cited} 2010).", refs) == [("ref-1",)], cited


def test_an_acronym_of_other_words_is_another_body() -> None:
    refs = [_body("Secretariat of the Convention on Wetland Futures")]
    assert _targets("Targets were set (Secretariat of the WHO 2010).", refs) == [()]
    assert _targets("Targets were set (CWF Council 2010).", refs) == [()]


# -- numbers in a species description are counts ----------------------------------------------


def test_ranges_in_a_description_do_not_make_an_author_year_paper_numeric() -> None:
    refs = [
        reference(1, "Quorrin", year=1931),
        reference(2, "Vell", year=1998),
        reference(3, "Dastrup", year=2003),
    ]
    text = (
        "The genus was named by Quorrin (1931) and revised (Vell 1998; Dastrup 2003).\n"
        "Leaves (3–9) mm, petals (4–12), setae [7-10] and lobes (2–6); islands (11).\n"
    )
    kept, _ = match_citations(extract_citations(document(text)), refs)
    assert not [c for c in kept if c.kind is CitationKind.NUMERIC]


def test_numbers_still_cite_an_unnumbered_list_of_a_numeric_paper() -> None:
    refs = [reference(i, f"Author{chr(64 + i)}", year=2000 + i) for i in range(1, 7)]
    text = "Known [1]. Shown [2, 3]. Seen [4–6]. Found [1]. Also [5]."
    kept, matches = match_citations(extract_citations(document(text)), refs)
    numeric = [m.targets for c, m in zip(kept, matches, strict=True) if c.number]
    assert numeric[:3] == [("ref-1",), ("ref-2",), ("ref-3",)]
