"""Organisations as authors: one corporate author, kept whole, in every style.

An author part with no personal-name structure (no initials, no inverted "Family,
Given") is one organisation; a person misread from it ("Archive, Baltic Weather")
makes the same work both missing and uncited. All names here are made up.
"""

from __future__ import annotations

import pytest

from .helpers import families, parse


@pytest.mark.parametrize(
    ("text", "organisation", "year", "title"),
    [
        (
            "Baltic Weather Archive. (2016). Monthly station records, 1950–2015. Riga: BWA.",
            "Baltic Weather Archive",
            2016,
            "Monthly station records, 1950–2015",
        ),
        (
            "R Core Team (2012). R: A language and environment for statistical computing. "
            "R Foundation for Statistical Computing, Vienna, Austria.",
            "R Core Team",
            2012,
            "R: A language and environment for statistical computing",
        ),
        (
            "Q Core Team. 2021. Q: A made-up system for lake statistics. Oslo.",
            "Q Core Team",
            2021,
            "Q: A made-up system for lake statistics",
        ),
        (
            "World Lakes Organization (WLO). (2020). Made-up report on lakes. Geneva: WLO.",
            "World Lakes Organization (WLO)",
            2020,
            "Made-up report on lakes",
        ),
        (
            "lavaan project. (2017). Model syntax tutorial. https://lavaan.example.org/tutorial",
            "lavaan project",
            2017,
            "Model syntax tutorial",
        ),
        (
            "INSTITUTO ALFA. 2023. Relatório anual de rios. São Paulo: Alfa.",
            "INSTITUTO ALFA",
            2023,
            "Relatório anual de rios",
        ),
        (
            "O ESTADO. Chuvas fecham estradas. O Estado, São Paulo, 3 mar. 2019.",
            "O ESTADO",
            2019,
            "Chuvas fecham estradas",
        ),
        ("OECD 2020. Made-up outlook on rivers. Paris: OECD Publishing.", "OECD", 2020, None),
        (
            "Nordic Council of Ministers (2019) Fisheries at a glance. Copenhagen.",
            "Nordic Council of Ministers",
            2019,
            "Fisheries at a glance",
        ),
        (
            "Mountain Lakes Survey Group. 2014. Ice-off dates of northern lakes. Oslo.",
            "Mountain Lakes Survey Group",
            2014,
            "Ice-off dates of northern lakes",
        ),
        (
            "Grupo de Estudos Fluviais. (2015). Relatório de cheias. Lisboa.",
            "Grupo de Estudos Fluviais",
            2015,
            "Relatório de cheias",
        ),
        (
            "The Dryad Collective. (2011). Field notes on oaks. Web.",
            "The Dryad Collective",
            2011,
            "Field notes on oaks",
        ),
    ],
)
def test_organisation_is_one_corporate_author(
    text: str, organisation: str, year: int, title: str | None
) -> None:
    ref = parse(text)
    assert families(ref) == [organisation]
    assert ref.authors[0].organisation
    assert ref.authors[0].given is None
    assert ref.year == year
    if title is not None:
        assert ref.title == title


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Smith, J. (2019). A title. Journal of X, 1(2), 3-4.", ["Smith"]),
        ("GÓMEZ, A.; FERREIRA, B. Título. São Paulo: Editora, 2018.", ["GÓMEZ", "FERREIRA"]),
        ("Kowalski J, Lee M. A made-up article. J Lakes. 2019;4:1-9.", ["Kowalski", "Lee"]),
        ("Thomas D. Gillespie. Fundamentals of made-up dynamics. Warrendale, 1992.", ["Gillespie"]),
        ("Bank, J. (2019). Money in lakes. Journal of Y, 2, 1-9.", ["Bank"]),
        ("Smith and Jones (2019). A title. Journal of X, 1, 3-4.", ["Smith", "Jones"]),
    ],
)
def test_people_stay_people(text: str, people: list[str]) -> None:
    ref = parse(text)
    assert families(ref) == people
    assert not any(a.organisation for a in ref.authors)


def test_a_title_standing_first_is_not_an_organisation() -> None:
    # the words before the first comma of an author-less entry are its title
    ref = parse(
        "Spirits in Culture, History and Mind. Eds. Jane Mageo and Alan Howe. London: "
        "Routledge, 1996."
    )
    assert ref.title == "Spirits in Culture, History and Mind"


@pytest.mark.parametrize("dash", ["———.", "---.", "______.", "—."])
def test_repeated_author_dash_takes_the_authors_before_it(dash: str) -> None:
    from citeaudit.bibliography.freetext import inherit_repeated_authors

    first = parse("Abelard, Mina. 2011. The Long Winter. Oslo: Fjord Press.")
    second = parse(f"{dash} 2014. “Ice-off Dates.” Journal of Lake Studies 12 (3): 201–19.")
    assert second.authors == () and ("repeated_authors", "true") in second.extra
    assert second.year == 2014 and second.title == "Ice-off Dates"
    refs = inherit_repeated_authors([first, second])
    assert families(refs[1]) == ["Abelard"]
