"""Spacing that publishers' XML leaves in citations ("et al ." where "al" was set in
italics and the full stop not), with made-up names."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import document


def test_et_al_with_its_full_stop_set_apart() -> None:
    text = "Para Quintavalle et al . (2018), isso. Depois (Brandvold et al ., 2014)."
    found = [(c.text, c.authors, c.et_al, c.year) for c in extract_citations(document(text))]
    assert found == [
        ("Quintavalle et al . (2018)", ("Quintavalle",), True, 2018),
        ("(Brandvold et al ., 2014)", ("Brandvold",), True, 2014),
    ]


def test_a_lone_full_stop_before_a_year_is_no_name() -> None:
    assert extract_citations(document("Depois . (2019) e x. (2020)")) == ()
