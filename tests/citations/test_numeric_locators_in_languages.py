"""A page, volume or chapter after the number inside a numbered citation, as each
language abbreviates it: GOST's "[1, с. 25]", "[2, т. 3, с. 4]", German "[3, S. 12]",
Polish/Czech "[4, s. 7]", "[5, str. 9]", Indonesian "[6, hlm. 4]", Spanish "[7, pág.
3]", Dutch "[8, blz. 2]", Swedish "[9, sid. 5]". The text is made up."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import numbered


def _numbers(text: str) -> list[int]:
    found = extract_citations(numbered(text, entries=12))
    return sorted(c.number for c in found if c.number is not None)


@pytest.mark.parametrize(
    ("located", "number"),
    [
        ("[1, с. 25]", 1),
        ("[2, т. 3, с. 4]", 2),
        ("[3, S. 12]", 3),
        ("[4, s. 7]", 4),
        ("[5, str. 9]", 5),
        ("[6, hlm. 4]", 6),
        ("[7, pág. 3]", 7),
        ("[8, blz. 2]", 8),
        ("[9, sid. 5]", 9),
        ("[10, Kap. 2]", 10),
        ("[11, рис. 3]", 11),
    ],
)
def test_a_located_numbered_citation(located: str, number: int) -> None:
    assert _numbers(f"It was shown before [12] and again {located}.") == [number, 12]


def test_words_after_a_number_are_no_locator() -> None:
    assert _numbers("It was shown before [12] and in [3, see below].") == [12]
