"""One person's name with a span of years (a period of service) is no missing work."""

from __future__ import annotations

from dataclasses import replace

import pytest

from citeaudit.model import CitationMatch
from citeaudit.rules.citations.missing_reference import MissingReference
from citeaudit.rules.citations.possible_missing_reference import PossibleMissingReference

from .conftest import cit, data


@pytest.mark.parametrize(
    ("item", "name", "year", "sure"),
    [
        ("Oriel Vantess 1971–1990", "Oriel Vantess", 1971, False),  # years of service
        ("QT (2003–2009)", "QT", 2003, False),  # the author's initials: years of a permit
        ("Vantess (1906–1921)", "Vantess", 1906, True),  # a work in parts, unlisted
        ("De Vantess (1824–1839)", "De Vantess", 1824, True),  # a particle: no given name
        ("Oriel Vantess 1990", "Oriel Vantess", 1990, True),  # one year: a work
    ],
)
def test_a_span_after_a_persons_name_is_only_possibly_missing(
    item: str, name: str, year: int, sure: bool
) -> None:
    person = replace(cit("c1", item, 3, family=name, year=year))
    matches = [CitationMatch("c1")]
    missing = list(MissingReference().check(data([], [person], matches)))
    possible = list(PossibleMissingReference().check(data([], [person], matches)))
    assert bool(missing) is sure
    assert bool(possible) is not sure
