"""A journal's name read on into a Roman volume with its issue ("Window on Wake Forest,
XII(3)") or into the medium in brackets ("Kinephanos [en ligne]", "[serial online]"):
the name is the journal's, the rest is no part of it."""

from __future__ import annotations

import pytest

from tests.freetext.helpers import parse


@pytest.mark.parametrize(
    ("entry", "journal"),
    [
        (
            "Bays, J. (2000, November). A grand old party. Window on Wake Forest, XII(3), "
            "pp. 1, 3-4",
            "Window on Wake Forest",
        ),
        (
            "GENVO, Sébastien. 2016. Defining expressive games. Kinephanos [en ligne] 3: 1-9.",
            "Kinephanos",
        ),
        (
            "Varga, P. (2016). Ferns of the south. Fern Quarterly [online], 3, 1-9.",
            "Fern Quarterly",
        ),
    ],
)
def test_the_journal_without_what_was_read_on(entry: str, journal: str) -> None:
    assert parse(entry).container == journal


def test_a_bracket_that_is_part_of_the_name_stays() -> None:
    ref = parse("Varga, P. (2016). Ferns of the south. Fern Quarterly [Tokyo], 3, 1-9.")
    assert ref.container == "Fern Quarterly [Tokyo]"
