"""Filho, Neto, Sobrinho, Júnior are part of a Portuguese family name ("SANTOS FILHO,
C."; ABNT files the person so and cites "(SANTOS FILHO, 2001)"), in every order a list
writes the name: a name in direct order ("Carlos Santos Filho") kept only "Filho"."""

from __future__ import annotations

import pytest

from tests.freetext.helpers import parse


@pytest.mark.parametrize(
    ("entry", "people"),
    [
        (
            "Carlos Santos Filho and João Silva Neto. 2010. Título do trabalho. Revista X 3: 1-9.",
            [("Santos Filho", "Carlos"), ("Silva Neto", "João")],
        ),
        ("Maria Costa Neta. 2001. Memórias. Recife: UFPE.", [("Costa Neta", "Maria")]),
        (
            'C. A. Santos Filho, "Título do trabalho," Revista X, vol. 3, 2010.',
            [("Santos Filho", "C. A.")],
        ),
        (
            "SANTOS FILHO, C.; OLIVEIRA JUNIOR, J. Título do trabalho. Revista X, v. 3, 2010.",
            [("SANTOS FILHO", "C"), ("OLIVEIRA JUNIOR", "J")],
        ),
        (
            "Santos Filho C, Oliveira Neto J, Costa Sobrinho A. Título do trabalho. "
            "Rev Bras. 2010;3:1-9.",
            [("Santos Filho", "C"), ("Oliveira Neto", "J"), ("Costa Sobrinho", "A")],
        ),
        (
            "Santos Filho, C., & Costa Júnior, A. (2010). Título do trabalho. Revista X, 3, 1-9.",
            [("Santos Filho", "C."), ("Costa Júnior", "A")],
        ),
    ],
)
def test_the_kin_word_stays_in_the_family(entry: str, people: list[tuple[str, str]]) -> None:
    assert [(a.family, a.given) for a in parse(entry).authors] == people


def test_a_family_that_is_only_the_word_stays_alone() -> None:
    # "C. S. Neto": initials, then a family of one word
    ref = parse('C. S. Neto, "Título do trabalho," Revista X, vol. 3, 2010.')
    assert [a.family for a in ref.authors] == ["Neto"]
