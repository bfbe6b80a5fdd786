"""A group holding only a name that is also a month and a year ("(May, 2004)",
"(March 2019)") was read as a date -- a narrative's parenthesis -- and, with no names
before it, as nothing: an author named May was never cited, and the entry "May, T.
(2004)" was reported uncited. It is read as that name's work, WEAK: kept only when an
entry has that name and year, so a date with no such entry stays no citation. Made-up
names and works throughout."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty
from citeaudit.model.reference import Reference

from .helpers import document, reference


def _kept(text: str, refs: list[Reference]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    kept, matches = match_citations(extract_citations(document(text)), refs)
    return [(c.authors, m.targets) for c, m in zip(kept, matches, strict=True)]


def test_a_month_named_author_alone_in_a_group_is_a_weak_work() -> None:
    found = [
        (c.authors, c.year, c.certainty)
        for c in extract_citations(document("Read the symbols (May, 2004), then the photographs."))
    ]
    assert found == [(("May",), 2004, Certainty.WEAK)]


def test_it_cites_the_entry_of_that_name_and_year() -> None:
    refs = [reference(1, "May", year=2004), reference(2, "Hale", year=2001)]
    assert _kept("Read the symbols (May, 2004), then (Hale, 2001).", refs) == [
        (("May",), ("ref-1",)),
        (("Hale",), ("ref-2",)),
    ]
    assert _kept(
        "Read the symbols (March 2019; Hale, 2001).",
        [reference(1, "March", year=2019), reference(2, "Hale", year=2001)],
    ) == [(("March",), ("ref-1",)), (("Hale",), ("ref-2",))]


def test_a_date_with_no_such_entry_is_no_citation() -> None:
    refs = [reference(1, "Hale", year=2001)]
    assert _kept("The storm came (May 2004) as foretold (Hale, 2001).", refs) == [
        (("Hale",), ("ref-1",))
    ]


def test_a_narrative_date_stays_the_narrative_s() -> None:
    refs = [reference(1, "Hale", year=2004)]
    assert _kept("As Hale (May 2004) wrote, the storm came.", refs) == [(("Hale",), ("ref-1",))]
