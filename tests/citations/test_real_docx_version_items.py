"""A version number (or another label with a number) before the citation in the same
parenthesis is no name: "tidyfoo (0.3.1, Ferro & Lunde, 2019)" cites Ferro & Lunde.

Every name, package and year here is made up.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("We used tidyfoo (0.3.1, Ferro & Lunde, 2019).", ("Ferro", "Lunde")),
        ("We used knitbar (1.17, Ferro, 2019).", ("Ferro",)),
        ("We used gridqux (v2.0-14; Ferro et al., 2019).", ("Ferro",)),
        ("We used plotzap (version 4.2.1, Ferro and Lunde, 2019).", ("Ferro", "Lunde")),
    ],
)
def test_a_version_before_the_names_is_dropped(text: str, authors: tuple[str, ...]) -> None:
    found = extract_citations(document(text))
    assert [c.authors for c in found] == [authors]
    refs = [reference(1, *authors, year=2019)]
    _kept, matched = match_citations(found, refs)
    assert [(m.targets, m.name_mismatch) for m in matched] == [(("ref-1",), False)]


def test_a_name_that_starts_with_a_number_stays_whole() -> None:
    found = extract_citations(document("As reported (1000 Moths Consortium, 2019)."))
    assert [c.authors for c in found] == [("1000 Moths Consortium",)]
