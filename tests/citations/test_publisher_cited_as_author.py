"""A publisher cited where the author goes: "(Maspero, 1978)" for an entry published
by Maspero in 1978 (issue 12). Linked when it is the one entry of that year so
published and no entry has the name as an author; never a guess among several."""

from __future__ import annotations

from citeaudit.imprint_names import imprint_names
from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from tests.citations.helpers import document


def entry(index: int, raw: str, family: str, year: int) -> Reference:
    return Reference(
        id=f"ref-{index}",
        index=index,
        location=Location("refs", index),
        raw=raw,
        authors=(Person(family, "M."),),
        year=year,
    )


def links(text: str, refs: list[Reference]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    kept, matches = match_citations(extract_citations(document(text)), refs)
    return [(c.item, m.targets, m.year_mismatch) for c, m in zip(kept, matches, strict=True)]


_RODINSON = entry(1, "Rodinson, M. (1978). Islam and capitalism. Paris: Maspero.", "Rodinson", 1978)
_YIN = entry(2, "Yin RK. Estudo de caso. Porto Alegre: Bookman; 2005.", "Yin", 2005)
_COELHO = entry(3, "COELHO, N. Literatura infantil. São Paulo: Moderna, 2000.", "COELHO", 2000)


def test_the_publisher_cited_for_the_author_links_its_one_entry_of_that_year() -> None:
    text = "It began then (Maspero, 1978); see (Bookman 2005) and (MODERNA, 2000)."
    found = links(text, [_RODINSON, _YIN, _COELHO])
    assert [targets for _, targets, _ in found] == [("ref-1",), ("ref-2",), ("ref-3",)]


def test_no_link_under_another_year_or_among_several_entries_so_published() -> None:
    other = entry(4, "Vidal, P. (1978). Essais. Paris: Maspero.", "Vidal", 1978)
    assert links("(Maspero, 1979)", [_RODINSON]) == [("Maspero, 1979", (), ())]
    assert links("(Maspero, 1978)", [_RODINSON, other]) == [("Maspero, 1978", (), ())]


def test_an_author_of_that_name_is_never_taken_for_a_publisher() -> None:
    author = entry(5, "Maspero, F. (1975). Souvenirs. Paris: Seuil.", "Maspero", 1975)
    found = links("(Maspero, 1978)", [_RODINSON, author])
    assert found == [("Maspero, 1978", (), ("ref-5",))]


def test_imprints_read_and_look_alikes_left() -> None:
    assert imprint_names(_RODINSON) == ["Maspero"]
    hobart = entry(6, "Cleveland, W. (1993). Visualizing data. Summit: Hobart Press.", "C", 1993)
    assert imprint_names(hobart) == ["Hobart Press", "Hobart"]
    chapter = entry(7, "Lee A. Rivers. In: Smith J, editor. Water. 2001.", "Lee", 2001)
    title = entry(8, "Lee, A. (2001). Rivers and lakes: a survey. Water, 3, 1-9.", "Lee", 2001)
    web = entry(9, "Lee A. Rivers. Available from: Https://x.org. 2001.", "Lee", 2001)
    assert imprint_names(chapter) == imprint_names(title) == imprint_names(web) == []
