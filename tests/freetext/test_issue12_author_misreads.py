"""Authors and years misread on real manuscripts (issue 12), with made-up entries.

Each misreading made a false finding: a one-word Vancouver title read as the author's
family ("Resistance (2011) is never cited"), a bracketed co-author cut into pieces, an
organisation read as a person with a title's year, and the year of an ABNT access
note taken for the work's.
"""

from __future__ import annotations

import pytest

from tests.freetext.helpers import families, parse


@pytest.mark.parametrize(
    ("entry", "family", "year", "title"),
    [
        ("2. Costa M. Resistance. Trop Med. 2011;12(3):45-50.", "Costa", 2011, "Resistance"),
        ("Costa M. Resistance. Trop Med. 2011", "Costa", 2011, "Resistance"),
        ("Costa M. Resistance. Trop Med. 2011.", "Costa", 2011, "Resistance"),
        ("Brown A. Nets. Malar J. 2009;8:12.", "Brown", 2009, "Nets"),
        ("7. Jones P. Cold. BMJ. 2001;322:5.", "Jones", 2001, "Cold"),
        ("Kumar A. Vaccines. Lancet 2015;385:1-2.", "Kumar", 2015, None),
    ],
)
def test_one_word_vancouver_title_is_not_the_author(
    entry: str, family: str, year: int, title: str | None
) -> None:
    ref = parse(entry)
    assert families(ref) == [family]
    assert ref.year == year
    if title is not None:
        assert ref.title == title


@pytest.mark.parametrize(
    "entry",
    [
        "Thomas D. Gillespie. Fundamentals of Vehicle Dynamics. SAE, 1992.",
        "Thomas D. Gillespie. Fundamentals of Vehicle Dynamics. 1992.",
    ],
)
def test_given_name_first_still_read_so(entry: str) -> None:
    assert families(parse(entry)) == ["Gillespie"]


def test_bracketed_co_author_is_a_second_author() -> None:
    ref = parse(
        "BAKHTIN, M. (VOLOCHÍNOV, V. N.). Marxismo e filosofia da linguagem. "
        "12. ed. São Paulo: Hucitec, 2006."
    )
    assert families(ref) == ["BAKHTIN", "VOLOCHÍNOV"]
    assert ref.year == 2006
    assert ref.title == "Marxismo e filosofia da linguagem"


def test_role_in_brackets_is_no_co_author() -> None:
    assert families(parse("SILVA, J. (Org.). Título do livro. São Paulo: Ática, 2010.")) == [
        "SILVA"
    ]


def test_organisation_before_a_title_opening_with_a_year() -> None:
    ref = parse("Clarivate Analytics. 2021 Journal Citation Reports. 2022.")
    assert [(a.family, a.organisation) for a in ref.authors] == [("Clarivate Analytics", True)]
    assert ref.year == 2022


def test_inverted_person_keeps_the_year_after_the_names() -> None:
    ref = parse("Smith, J. 2017 Urban heat islands. Journal of Cities, 12, 1-9, 2018.")
    assert families(ref) == ["Smith"]
    assert ref.year == 2017


def test_abnt_access_note_is_not_the_year() -> None:
    ref = parse(
        "WANG, C. Desigualdade regional na China 1979-2009. Revista de Economia, v. 5, "
        "n. 2, p. 10-30, 2011. Disponível em: https://example.org/a. Acesso em: 3 mar. 2022."
    )
    assert families(ref) == ["WANG"]
    assert ref.year == 2011
