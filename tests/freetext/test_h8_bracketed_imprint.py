"""A book's imprint in brackets after its title, as Chicago notes print it (made-up
entries): "Title (Place: Publisher, Year), page." -- the bracket is not the title's."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location
from tests.freetext.helpers import parse


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "David Archo, Fictive Consent (Boulder: Westview Press, 1998), p. 20;",
            "Fictive Consent",
        ),
        (
            "O. H. Chenny, Economic Survey of the Fictive Industry, 1930\u20131931 "
            "(New York: Bowker, 1960), 1.",
            "Economic Survey of the Fictive Industry, 1930\u20131931",
        ),
        (
            "Willow, Peter, 1978, The Fictive Movement: The Origins of an Alliance "
            "(London: Frances Pinter Publishers)",
            "The Fictive Movement: The Origins of an Alliance",
        ),
    ],
)
def test_imprint_in_brackets(text: str, title: str) -> None:
    rules = parse_reference(text, id="r", index=1, location=Location("r.md", 1), use_model=False)
    for ref in (rules, parse(text)):
        assert ref.title == title


@pytest.mark.parametrize(
    "title",
    ["Fictive galaxies (Part 2: Methods)", "Fictive butterflies (Lepidoptera: Nymphalidae)"],
)
def test_a_bracket_of_the_title_stays(title: str) -> None:
    assert parse(f"Willow, P. (1978). {title}. Fictive Review, 3, 1-9.").title == title
