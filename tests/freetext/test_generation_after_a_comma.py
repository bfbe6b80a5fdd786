"""A generation written behind its own comma ("Smith, J., Jr." in APA, "Smith, John,
Jr." in Chicago) closes the person before it: it was read as one more person ("Jr"),
or as the title's first word, and a co-author after it was lost."""

from __future__ import annotations

import pytest

from tests.freetext.helpers import parse


@pytest.mark.parametrize(
    ("entry", "families", "title"),
    [
        ("Smith, J., Jr. (2010). Nest predation. Ibis, 3, 1–9.", ["Smith"], "Nest predation"),
        (
            "King, M. L., Jr., & Abernathy, R. D. (1963). Nest predation. Ibis, 3, 1–9.",
            ["King", "Abernathy"],
            "Nest predation",
        ),
        (
            "Smith, J., II, Jones, K., & Lee, M., III. (2010). Nest predation. Ibis, 3, 1–9.",
            ["Smith", "Jones", "Lee"],
            "Nest predation",
        ),
        ("Smith, John, Jr. Nest predation. Oxford: OUP, 2010.", ["Smith"], "Nest predation"),
        (
            "Smith, John, Jr., and Mary Jones. Nest predation. Oxford: OUP, 2010.",
            ["Smith", "Jones"],
            "Nest predation",
        ),
    ],
)
def test_the_generation_is_no_person(entry: str, families: list[str], title: str) -> None:
    ref = parse(entry)
    assert [a.family for a in ref.authors] == families
    assert ref.title == title


def test_a_roman_numeral_family_after_a_semicolon_is_unchanged() -> None:
    # ABNT's ";" separates people; nothing there is a generation
    ref = parse("SMITH, J.; JONES, K. Nest predation. Oxford: OUP, 2010.")
    assert [a.family for a in ref.authors] == ["SMITH", "JONES"]
