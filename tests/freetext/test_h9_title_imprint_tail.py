"""A book's place and year (or its count of volumes) read on with its title (made-up).

Entries written without a publisher put the imprint straight after the title
("Title, Udine, 1979"); the rules, finding no container, ran the title to the end.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location
from tests.freetext.helpers import parse


def _rules(entry: str) -> str | None:
    return parse_reference(entry, id="r", index=1, location=Location("x"), use_model=False).title


@pytest.mark.parametrize(
    ("entry", "title"),
    [
        (
            "B. Orlen, Harbour Lane: Tide, Salt, and the Making of a Fishing Town, Kestrel 2004",
            "Harbour Lane: Tide, Salt, and the Making of a Fishing Town",
        ),
    ],
)
def test_place_and_year_after_the_title_are_not_the_title(entry: str, title: str) -> None:
    assert _rules(entry) == title
    assert parse(entry).title == title


def test_a_count_of_volumes_is_not_the_title() -> None:
    entry = "Pell, Ada. Rooms of the Quiet House, 3 vols. Leeds: Bracken, 1911."
    assert parse(entry).title == "Rooms of the Quiet House"


@pytest.mark.parametrize(
    "entry",
    [
        # the year named in the title is also the year of the book, given elsewhere
        "Doral, M. (1968). Streets of Varn, Lisbon, 1968. Porto: Ribeira.",
        # what stands between the comma and the year is not a place's capitalised words
        "Doral, M. Notes on the harvest of the year, written 1968.",
    ],
)
def test_a_year_that_belongs_to_the_title_stays(entry: str) -> None:
    title = _rules(entry) or ""
    assert title.endswith("1968") or title.endswith("1968.")


def test_a_title_between_commas_is_not_read_as_authors() -> None:
    assert _rules("E. Varo, Lettere dal mulino vecchio, Borgo Alto, 1981.") == (
        "Lettere dal mulino vecchio"
    )


def test_the_tail_cut_itself() -> None:
    from citeaudit.bibliography.freetext import _without_trailing_imprint

    text = "Pell, Ada. Rooms of the Quiet House, 3 vols. Leeds: Bracken, 1911."
    assert _without_trailing_imprint("Rooms of the Quiet House, 3 vols", 1911, text) == (
        "Rooms of the Quiet House"
    )
    text = "Orlen, B. Salt and Tide, Kestrel, 2004."
    assert _without_trailing_imprint("Salt and Tide, Kestrel, 2004", 2004, text) == "Salt and Tide"
    # the year twice in the entry: the title's own
    text = "Orlen, B. (2004). Salt and Tide, Kestrel, 2004. Leeds: Bracken."
    assert _without_trailing_imprint("Salt and Tide, Kestrel, 2004", 2004, text) == (
        "Salt and Tide, Kestrel, 2004"
    )
