"""A publication list ordered by year, each entry opening on its year and a colon
("1991: Karl Weber: Titel. In: Buch."), made-up entries: the year is the entry's, the
names after it the authors, the title after them the title."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location
from tests.freetext.helpers import families, parse


@pytest.mark.parametrize(
    ("text", "fams", "year", "title"),
    [
        (
            "1991: Ina Vogtland: Schule im Wandel. In: Lernen heute 12, S. 3-9.",
            ["Vogtland"],
            1991,
            "Schule im Wandel",
        ),
        (
            "2004b: Rolf Brenner: Wege zur Integration. Weinheim: Alfa.",
            ["Brenner"],
            2004,
            "Wege zur Integration",
        ),
    ],
)
def test_year_first_entry(text: str, fams: list[str], year: int, title: str) -> None:
    rules = parse_reference(text, id="r", index=1, location=Location("r.md", 1), use_model=False)
    for ref in (rules, parse(text)):
        assert families(ref) == fams
        assert ref.year == year
        assert ref.title == title


def test_a_title_opening_on_a_year_is_not_taken() -> None:
    ref = parse("2001: A Tale of Dunes. Dir. Ina Vogtland. Alfa Films, 1968.")
    assert ref.year == 1968
