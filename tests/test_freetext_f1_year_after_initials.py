"""A year right after Vancouver-style names (initials after the family, no commas
between them), in brackets or bare, opens the title: "Okafor T. (1959) Fens of the
north. Journal …" was read as Vancouver with "(1959) Fens of the north" as the title.
Every entry here is made up.
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
    ("text", "fams", "year", "title"),
    [
        (
            "Okafor T. G. (1959) Methods for mapping fens, with notes on marsh plants. "
            "Wetland Notes 37: 33–51.",
            ["Okafor"],
            1959,
            "Methods for mapping fens, with notes on marsh plants",
        ),
        (
            "Lind W, Maro T, Okoro E. (1981) Loads on harbour cranes. Port Notes 24: 917-931.",
            ["Lind", "Maro", "Okoro"],
            1981,
            "Loads on harbour cranes",
        ),
        (
            "PAIVA C., ROCHA M. 1993 La pêche sur les quais du nord, Bulletin des ports, 90, "
            "411-425",
            ["PAIVA", "ROCHA"],
            1993,
            "La pêche sur les quais du nord",
        ),
        (
            "Haddam S.E. 2005 ‘Fens and Marshes in the Old North’ (PhD dissertation, Lagos).",
            ["Haddam"],
            2005,
            "Fens and Marshes in the Old North",
        ),
    ],
)
def test_the_year_after_initials_is_no_part_of_the_title(
    text: str, fams: list[str], year: int, title: str
) -> None:
    for ref in (rules(text), parse(text)):
        assert families(ref) == fams
        assert ref.year == year
        assert ref.title == title


def test_vancouver_with_the_year_after_the_journal_is_unchanged() -> None:
    text = "Okafor T, Lind W. Fens of the north. Wetl Notes. 2019;12(3):45-50."
    for ref in (rules(text), parse(text)):
        assert families(ref) == ["Okafor", "Lind"]
        assert ref.year == 2019
        assert ref.title == "Fens of the north"
        assert ref.container == "Wetl Notes"
