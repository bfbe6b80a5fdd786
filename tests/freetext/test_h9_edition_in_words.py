"""An edition spelt out in words after a book's title is not part of the title (made-up).

"(2nd ed.)" was already left out; "(29e édition)", "(2nd edition)", "(terza edizione)"
stayed in the title, so the title no longer matched the same book cited elsewhere.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location
from tests.freetext.helpers import parse


@pytest.mark.parametrize(
    ("entry", "title"),
    [
        (
            "Quillet, P. (2011). Droit des pierres (12e édition). Lyon: Maison Verte.",
            "Droit des pierres",
        ),
        (
            "Marsh, T. (2015). Field notes on moss (2nd edition). Leeds: Bracken.",
            "Field notes on moss",
        ),
        ("Rossi, L. (2009). Storia dei ponti (terza edizione). Milano: Ponte.", "Storia dei ponti"),
        ("Ward, K. (2018). Tide tables (Revised Edition). Hull: Ferry Press.", "Tide tables"),
    ],
)
def test_a_spelt_out_edition_is_not_the_title(entry: str, title: str) -> None:
    rules = parse_reference(entry, id="r", index=1, location=Location("x"), use_model=False)
    assert rules.title == title
    assert parse(entry).title == title


def test_a_title_that_only_mentions_editions_keeps_them() -> None:
    # the word inside the title's own text, not in a closing bracket, stays
    ref = parse("Hale, R. (2012). Editions of the moss atlas. Leeds: Bracken.")
    assert ref.title == "Editions of the moss atlas"
