"""A number used as a noun in running text, as Nature's journals write it: "as in ref.
12", "refs 3-5", "refs. 7 and 8", "see reference 4." -- citations of those entries, in a
manuscript that cites by number. A value after "reference" ("the reference 3 M KCl
electrode") stays no citation. The text is made up."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import numbered


def _numbers(text: str) -> list[int]:
    found = extract_citations(numbered(text, entries=12))
    return sorted(c.number for c in found if c.number is not None)


@pytest.mark.parametrize(
    ("sentence", "numbers"),
    [
        ("Rates rose [1], as in ref. 12 and elsewhere.", [1, 12]),
        ("Rates rose [1]; refs 3-5 disagree.", [1, 3, 4, 5]),
        ("Rates rose [1]; see Refs. 7 and 8 for more.", [1, 7, 8]),
        ("Rates rose [1]; see reference 4.", [1, 4]),
        ("Rates rose [1], as ref.\u00a09 showed.", [1, 9]),
    ],
)
def test_a_numbered_reference_named_in_running_text(sentence: str, numbers: list[int]) -> None:
    assert _numbers(sentence) == numbers


@pytest.mark.parametrize(
    "sentence",
    [
        "Rates rose [1] at the reference 3 M KCl electrode.",
        "Rates rose [1] in 12 reference samples.",
        "Rates rose [1] against the refs 3% threshold.",
        "Rates rose [1], see ref. 3.5 of the manual.",
    ],
)
def test_a_value_beside_the_word_is_no_citation(sentence: str) -> None:
    assert _numbers(sentence) == [1]
