"""Class c13-PC: a surname opening with two particles, "(de la Fuente, 2010)", "(De Los
Santos et al., 2015)", "(DE LA CRUZ, 2012)", as Spanish, Portuguese and Filipino names
are written in author-year groups.

A group's leading "de" is read as the preposition ("from", "by") unless it is a
surname's particle; it was taken for one only before a single capitalised word, so
before "la Fuente" it was dropped as a cue and the work read as "la Fuente" (weak, a
guess) or "Santos" -- the entry "de la Fuente" was then "never cited". Made-up names.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations.item_parser import parse_group
from citeaudit.model.citation import Certainty


@pytest.mark.parametrize(
    ("content", "authors", "et_al"),
    [
        ("de la Fuente, 2010", ("de la Fuente",), False),
        ("de los Santos, 2011", ("de los Santos",), False),
        ("De La Cruz, 2012", ("De La Cruz",), False),
        ("DE LA CRUZ, 2012", ("DE LA CRUZ",), False),
        ("De Los Santos et al., 2015", ("De Los Santos",), True),
        ("de la Vega 2009", ("de la Vega",), False),
    ],
)
def test_two_particles_open_the_name(content: str, authors: tuple[str, ...], et_al: bool) -> None:
    (work,) = parse_group(content)
    assert work.authors == authors
    assert work.et_al is et_al
    assert work.certainty is Certainty.SURE


def test_particle_chain_after_another_work() -> None:
    works = parse_group("Moreau, 2008; de la Fuente, 2010")
    assert [w.authors for w in works] == [("Moreau",), ("de la Fuente",)]
    assert all(w.certainty is Certainty.SURE for w in works)


@pytest.mark.parametrize(
    ("content", "authors"),
    [
        # ABNT's capitals: a particle and a short surname are no catalogue code ("FMNH PR")
        ("DA SILVA, 2010", ("DA SILVA",)),
        ("VAN DER BERG, 2010", ("VAN DER BERG",)),
    ],
)
def test_capitals_with_particles_are_names(content: str, authors: tuple[str, ...]) -> None:
    (work,) = parse_group(content)
    assert work.authors == authors
    assert work.certainty is Certainty.SURE


def test_capital_codes_stay_weak() -> None:
    (work,) = parse_group("FMNH PR 2010")
    assert work.certainty is Certainty.WEAK


def test_one_particle_reads_as_before() -> None:
    (work,) = parse_group("de Meester 1993")
    assert work.authors == ("de Meester",)
    assert work.certainty is Certainty.SURE
