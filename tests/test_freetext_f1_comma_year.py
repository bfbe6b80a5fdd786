"""A year standing near the end of a comma-joined entry, only locators after it, is the
journal's or imprint's date, not an author-date year.

"Okafor, T., Fens of the north, Journal of Wet Places, 45, 1966, 368-391." was read as
authors running up to the year (the title and journal taken for names) and the pages
"368-391" as the title. Every entry here is made up.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from tests.freetext.helpers import families, parse


def rules(text: str) -> Reference:
    """The rules' reading alone: the tagger is trained on it and reads it as hints."""
    return parse_reference(
        text, id="ref-1", index=1, location=Location("refs.md", 1), use_model=False
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Okafor, T., Fens of the northern coast, Journal of Wet Places, 45, 1966, 368-391.",
            "Fens of the northern coast",
        ),
        (
            "Lindqvist, Pia, Rethinking harbours and their keepers, Lagos, Sol Press, 2007, 179p.",
            "Rethinking harbours and their keepers",
        ),
        (
            "Marta Okoro, Les ports oubliés de la côte, Revue des quais, 1995, 911-942.",
            "Les ports oubliés de la côte",
        ),
        (
            "Ito, K., Salt marshes under pressure, Wetland Notes, No. 35, 2004, pp. 367-390.",
            "Salt marshes under pressure",
        ),
    ],
)
def test_pages_after_a_closing_year_are_no_title(text: str, title: str) -> None:
    for ref in (rules(text), parse(text)):
        assert ref.title == title
        assert families(ref)[:1] == [text.split(",")[0].split()[-1]]


def test_a_year_after_the_names_still_opens_the_title() -> None:
    text = "Okafor, T., 2019, Fens of the north, Journal of Wet Places, 45, 368-391."
    for ref in (rules(text), parse(text)):
        assert ref.year == 2019
        assert families(ref) == ["Okafor"]
        assert ref.title == "Fens of the north"


def test_names_then_a_journal_keep_their_year() -> None:
    """No comma piece reads as a title (ACS's short form): the names stay the names."""
    ref = rules("Birch, P.; Parsons, A. F.; Cross, P. Fictive Chem. Lett. 2012, 53 (7), 822–824.")
    assert families(ref) == ["Birch", "Parsons", "Cross"]
    assert ref.year == 2012


def test_a_title_head_before_the_first_comma_is_no_name() -> None:
    """No author: the first comma piece has a lower-case word, so it names nobody."""
    ref = rules(
        "Quais reconsidérés, un entretien avec Ana Lima, Revue des ports, No. 6, 1979, 33-38"
    )
    assert "Quais" not in families(ref)


def test_names_end_before_a_short_title_piece() -> None:
    """The title's first comma piece need not read as a title itself ("Le sel")."""
    ref = rules(
        "Marta Okoro, Le sel, le vin et la juste mesure des quais, Annales des ports, 1985, "
        "661-686."
    )
    assert families(ref) == ["Okoro"]
    assert ref.title == "Le sel, le vin et la juste mesure des quais"
    assert ref.container == "Annales des ports"


@pytest.mark.parametrize(
    ("text", "title", "container"),
    [
        (
            "O.S. Okafor, G. Lind, Salt in layered fens: latest advances, Fenchemistry 14 (2013) "
            "1134–1142.",
            "Salt in layered fens: latest advances",
            "Fenchemistry",
        ),
        (
            "Lind, Pia, Ito Kei, 1988, A robust method for mapping fens, Fictive Transactions on "
            "Wetland Survey 10 (6): 910-18.",
            "A robust method for mapping fens",
            "Fictive Transactions on Wetland Survey",
        ),
    ],
)
def test_a_journal_after_a_comma_with_its_locators_after_a_space(
    text: str, title: str, container: str
) -> None:
    ref = rules(text)
    assert ref.title == title
    assert ref.container == container


@pytest.mark.parametrize(
    ("text", "body", "title"),
    [
        (
            "Baltic Fen Archive, Annual summary of coastal storms, Riga, 2016, 45-60.",
            "Baltic Fen Archive",
            "Annual summary of coastal storms",
        ),
        (
            "Instituto Brasileiro de Marés, Censo das fens e marés, Rio de Janeiro, 2010, 88 p.",
            "Instituto Brasileiro de Marés",
            "Censo das fens e marés",
        ),
    ],
)
def test_a_corporate_author_before_the_title_stays_whole(text: str, body: str, title: str) -> None:
    for ref in (rules(text), parse(text)):
        assert families(ref) == [body]
        assert ref.authors[0].organisation
        assert ref.title == title
