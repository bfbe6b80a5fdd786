"""Entries the parser once misread, each a class: made-up entries of the same shape."""

from __future__ import annotations

from tests.freetext.helpers import families, parse


def test_vancouver_names_closed_by_a_colon_are_people_not_an_organisation() -> None:
    ref = parse(
        "Okonkwo T : fensr: Tools for the Global Fen Information Facility. R package. 2017."
    )
    assert families(ref) == ["Okonkwo"]
    assert not ref.authors[0].organisation
    assert ref.title == "fensr: Tools for the Global Fen Information Facility"
    two = parse("Okonkwo T, Lind A: Clients for fen data. Fen PrePrints. 2017.")
    assert families(two) == ["Okonkwo", "Lind"]


def test_a_colon_inside_an_organisations_name_is_not_a_vancouver_block() -> None:
    ref = parse("World Fen Council: Annual report 2019. Geneva: WFC; 2020.")
    assert families(ref)[0].startswith("World Fen Council")


def test_abnt_editors_without_a_role_are_not_the_book() -> None:
    ref = parse(
        "RAMOS, A. Um capítulo. In: SOUZA, B.; LIMA, C. O livro dos capítulos. "
        "São Paulo: Alfa, 2010. p. 3-9."
    )
    assert ref.title == "Um capítulo"
    assert ref.container == "O livro dos capítulos"
