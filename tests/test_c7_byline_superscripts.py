"""Class: the superscripts of an author byline -- "Ana Lima^1^, Rui Costa^2,3^",
"María J. Pérez¹, Luis Ortega²*", Word runs "Jean Dubois1 and Marie Laurent2" -- are
affiliation marks, not citations. A manuscript's front matter was read as citing
entries 1, 2, 3 (hiding an entry never cited in the text) and, past the list's end, as
citing works not listed. A line made of personal names only (two words or more each:
given names, initials, particles), joined by commas or "and", two of them marked, is
a byline. Names are made up."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import numbered

_BODY = "Estudos^1^ e revisões^4^ mostram^5^ o efeito^6^ da dose^7^."


def _numbers(byline: str, pieces: list[str]) -> list[int | None]:
    text = f"{byline}\n\n{_BODY}".replace("^", "")
    doc = numbered(text, entries=9, superscripts={1: pieces, 3: ["1", "4", "5", "6", "7"]})
    return [c.number for c in extract_citations(doc)]


@pytest.mark.parametrize(
    ("byline", "pieces"),
    [
        ("Ana Lima^1^, Rui Costa^2,3^, Eva dos Reis^2^", ["1", "2,3", "2"]),
        ("María J. Pérez^1^, Luis Ortega^2^ y Carmen Ruiz^3^", ["1", "2", "3"]),
        ("Jean Dubois^1^ and Marie-Claire Laurent^2^", ["1", "2"]),
        ("Hans van der Berg^2^, Anna Müller^3^, Jonas Weber^2^", ["2", "3", "2"]),
        ("P. K. Ong^1^, S. Rahman^2^", ["1", "2"]),
    ],
)
def test_a_bylines_marks_are_no_citations(byline: str, pieces: list[str]) -> None:
    assert _numbers(byline, pieces) == [1, 4, 5, 6, 7]


@pytest.mark.parametrize(
    ("line", "pieces", "cited"),
    [
        # a sentence naming authors cites them: a verb, no byline
        ("Ana Lima^2^ and Rui Costa^3^ found the same.", ["2", "3"], [2, 3]),
        # one name alone on a line (a table cell) is no byline
        ("Ana Lima^2^", ["2"], [2]),
    ],
)
def test_names_in_prose_still_cite(line: str, pieces: list[str], cited: list[int]) -> None:
    assert _numbers(line, pieces) == [*cited, 1, 4, 5, 6, 7]
