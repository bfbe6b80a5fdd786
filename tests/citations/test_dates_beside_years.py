"""A day and month written beside a citation's year ("Osei and Ward (2011 May)",
"(Osei & Ward, 4 May 2011)"): the year is read, the work is WEAK (kept only when an
entry fits). Made-up names and works throughout."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.citations.dates import names_before_date
from citeaudit.manuscript.citations.item_parser import parse_group
from citeaudit.model.citation import Certainty

from .helpers import document


def read(text: str) -> list[tuple[tuple[str, ...], int | None, Certainty]]:
    return [(c.authors, c.year, c.certainty) for c in extract_citations(document(text))]


def test_a_month_after_a_narrative_year() -> None:
    found = read("The advice of Osei and Ward (2011 May) lists five kinds.")
    assert found == [(("Osei", "Ward"), 2011, Certainty.WEAK)]


def test_a_day_and_month_before_a_narrative_year() -> None:
    found = read("The advice of Osei and Ward (4 May 2011) lists five kinds.")
    assert found == [(("Osei", "Ward"), 2011, Certainty.WEAK)]
    found = read("The advice of Osei and Ward (March 4, 2011) lists five kinds.")
    assert found == [(("Osei", "Ward"), 2011, Certainty.WEAK)]


def test_a_day_and_month_between_names_and_year_in_a_group() -> None:
    works = parse_group("Osei & Ward, 4 May 2011")
    assert [(w.authors, w.labels[0].year, w.certainty) for w in works] == [
        (("Osei", "Ward"), 2011, Certainty.WEAK)
    ]
    works = parse_group("Osei & Ward, 4 de maio de 2011")
    assert [(w.authors, w.labels[0].year) for w in works] == [(("Osei", "Ward"), 2011)]


def test_a_date_alone_is_no_work() -> None:
    assert parse_group("4 May 2011") == ()


def test_a_name_that_is_a_month_stays_a_name() -> None:
    assert names_before_date("Lee and May ") is None  # May co-authored
    assert names_before_date("Lee, Mayo, ") is None
    works = parse_group("Lee & Mayo, 2011")
    assert [w.authors for w in works] == [("Lee", "Mayo")]
