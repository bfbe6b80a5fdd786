"""A species' authority inside a parenthesis, after its Latin binomial, is no cited
work: "(Oman, holotype of Aus bus Häckel, Farkač & Sehnal, 2005)" names who described
the species, as "Aus bus (Smith, 1949)" does outside one. Such a work is WEAK: an entry
that has it still makes it a citation, none makes no missing reference. A work after a
separator or a lower-case word stays a citation (made-up text)."""

from __future__ import annotations

from citeaudit.manuscript.citations import AuthorYearExtractor
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document


def _certainties(text: str) -> dict[str, Certainty]:
    """Each cited work's certainty, by its last-named author."""
    found = AuthorYearExtractor().extract(document(text))
    return {c.authors[-1]: c.certainty for c in found}


def test_authority_after_a_binomial_inside_the_group_is_weak() -> None:
    found = _certainties(
        "Seen in the north (Ostland: Varra, holotype of Carabus vintus Hölder, "
        "Marek & Tolvan, 2005) and the south."
    )
    assert found["Tolvan"] is Certainty.WEAK


def test_authority_right_after_the_binomial_is_weak() -> None:
    found = _certainties("Two forms occur (paratype of Aus bellus Quintero, 1998).")
    assert found["Quintero"] is Certainty.WEAK


def test_works_after_a_separator_or_a_preposition_stay_citations() -> None:
    found = _certainties(
        "Both occur (Aus bellus; Lindqvist 2010) and (data on Aus bellus in Moreno 2012)."
    )
    assert found["Lindqvist"] is not Certainty.WEAK
    assert found["Moreno"] is not Certainty.WEAK
