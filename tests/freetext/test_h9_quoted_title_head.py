"""A quoted phrase that opens a title, a colon and a subtitle after it (made-up entries).

The rules took the quoted phrase alone as the title ("Ports oubliés"); the tagger reads
the whole ("Ports oubliés : une histoire …") and is sure of it, but the merge never let a
title go on past a closing quotation mark. Past one followed by a colon it may now.
"""

from __future__ import annotations

import pytest

from tests.freetext.helpers import parse


@pytest.mark.parametrize(
    ("entry", "title", "container"),
    [
        (
            "MARIN, Lucie, 2016. « Ports oubliés » : une histoire des petits havres bretons. "
            "Revue d’Histoire Maritime, vol. 4, n°2, p. 11-30.",
            "Ports oubliés : une histoire des petits havres bretons",
            "Revue d’Histoire Maritime",
        ),
        (
            'Hale, R. (2012). "Lost harbours": mapping the small ports of the north coast. '
            "Journal of Coastal Things, 4(2), 11-30.",
            "Lost harbours: mapping the small ports of the north coast",
            "Journal of Coastal Things",
        ),
        (
            "Dunne, P. 2011. “Salt roads”: trade and memory in the western isles. "
            "Island Studies Review 7: 33–51.",
            "Salt roads: trade and memory in the western isles",
            "Island Studies Review",
        ),
    ],
)
def test_a_quoted_head_and_its_subtitle_are_the_title(
    entry: str, title: str, container: str
) -> None:
    ref = parse(entry)
    assert ref.title == title
    assert ref.container == container


def test_a_wholly_quoted_title_still_ends_at_its_quote() -> None:
    ref = parse("Dunne, P. 2011. “Salt roads.” Island Studies Review 7: 33–51.")
    assert ref.title == "Salt roads"
    assert ref.container == "Island Studies Review"
