"""A body's name shortened in the text: a word left out, or the acronym of its first words.

Made-up bodies and years; one entry of the year must fit, never a guess among several.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.reference import Reference
from tests.citations.helpers import document, reference


def _targets(text: str, *refs: Reference) -> list[tuple[str, ...]]:
    _kept, matches = match_citations(extract_citations(document(text)), list(refs))
    return [m.targets for m in matches]


def _body(index: int, name: str, year: int) -> Reference:
    return reference(index, name, year=year, organisation=True, raw=f"{name} ({year}) Report.")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # "Marine" left out
        (
            "The genome was read (Northern Kelp Sequencing Consortium 2011).",
            "Northern Kelp Marine Sequencing Consortium",
        ),
        # the acronym of the first four words; "on" is a connector, no word of it
        ("The dose is considered safe (NKMC 2011).", "Northern Kelp Marine Council on Doses"),
    ],
)
def test_a_shortened_body_name_finds_its_entry(text: str, body: str) -> None:
    refs = [_body(1, body, 2011), reference(2, "Oldfield", year=2011)]
    assert _targets(text, *refs) == [("ref-1",)]


def test_two_words_left_out_are_too_many() -> None:
    refs = [_body(1, "Northern Kelp Marine Coastal Sequencing Consortium", 2011)]
    assert _targets("It was read (Northern Kelp Sequencing Consortium 2011).", *refs) == [()]


def test_another_year_or_a_reordered_name_is_no_fit() -> None:
    refs = [_body(1, "Northern Kelp Marine Sequencing Consortium", 2011)]
    assert _targets("It was read (Northern Kelp Sequencing Consortium 2012).", *refs) == [()]
    assert _targets("It was read (Kelp Northern Sequencing Consortium 2011).", *refs) == [()]


def test_two_bodies_that_fit_are_not_guessed_between() -> None:
    refs = [
        _body(1, "Northern Kelp Marine Sequencing Consortium", 2011),
        _body(2, "Northern Kelp Coastal Sequencing Consortium", 2011),
    ]
    assert _targets("It was read (Northern Kelp Sequencing Consortium 2011).", *refs) == [()]


def test_a_persons_entry_is_never_read_as_a_body() -> None:
    person = reference(1, "Nkem", year=2011, raw="Nkem KM, Castro A (2011) Kelp.")
    assert _targets("It was read (NKC 2011).", person) == [()]
