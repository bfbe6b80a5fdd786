"""A narrative citation with a comma before its parenthesised year (made-up names):
"Borrell et al., (1997) showed", as many writers of English, Portuguese and Spanish
type it."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference


def _targets(text: str) -> list[tuple[str, ...]]:
    refs = [
        reference(1, "Quorrel", "Bo", "Di", year=1997),
        reference(2, "Dossini", "Saitoro", year=2021),
    ]
    _, matches = match_citations(extract_citations(document(text)), refs)
    return [m.targets for m in matches]


def test_et_al_comma_year_links_the_entry() -> None:
    assert _targets("As Quorrel et al., (1997) showed it.") == [("ref-1",)]
    assert _targets("Segundo QUORREL et al., (1997) o tema.") == [("ref-1",)]


def test_two_names_comma_year_link_the_entry() -> None:
    assert _targets("Dossini & Saitoro, (2021) reported it.") == [("ref-2",)]


def test_a_place_comma_year_is_still_no_citation() -> None:
    assert _targets("It was signed in Georgia, (1993) and later.") == []
