"""A family name with a particle inside it ("Martínez de la Torre", "Silva de
Oliveira") before initials, in a list of several people with no year after them
(ABNT, Vancouver-like notes): the walk over the names took "Martínez" for a given name
and "de la Torre" for the family (the given-first form "Carl Pletsch,"), so the entry
had one person and its title began with the initials and the next person. Made-up
entries modelled on the class (Spanish and Portuguese double surnames)."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location


def _people(text: str) -> list[tuple[str, str | None]]:
    ref = parse_reference(text, id="r", index=1, location=Location("r.md", 1), use_model=False)
    return [(a.family, a.given) for a in ref.authors]


@pytest.mark.parametrize(
    ("text", "families"),
    [
        (
            "Martínez de la Torre, J. L.; Ruiz Gómez, A. Un estudio de caso. Madrid, 1999.",
            ["Martínez de la Torre", "Ruiz Gómez"],
        ),
        (
            "Silva de Oliveira, M.; Souza, A. Um título de artigo. Revista, v. 2, 2001.",
            ["Silva de Oliveira", "Souza"],
        ),
        (
            "Gómez, P.; Ortega y Gasset, R.; Pérez del Río, L. Otro estudio. Lima, 2004.",
            ["Gómez", "Ortega y Gasset", "Pérez del Río"],
        ),
    ],
)
def test_family_with_inner_particle_stays_whole(text: str, families: list[str]) -> None:
    assert [family for family, _ in _people(text)] == families


def test_leading_particles_and_years_unchanged() -> None:
    # particles that open a family, and lists with a year after the names, read as before
    people = _people("Van der Berg, A., & De la Cruz, M. (2019). A title. Journal, 3, 1-2.")
    assert [family for family, _ in people] == ["Van der Berg", "De la Cruz"]
    people = _people("Gómez del Campo, Ana. Un título. Madrid, 1999.")
    assert people == [("Gómez del Campo", "Ana")]
