"""Narrative citations inside a bracketed list keep their first author:
"[Okafor and Lind (2016); Pruett, Vance, and Hale (2009)]" cites Okafor & Lind.

Every name and year here is made up.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import document


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("A list [Okafor and Lind (2016); Pruett, Vance, and Hale (2009)].", ("Okafor", "Lind")),
        ("A list (Okafor and Lind (2016); Pruett, Vance, and Hale (2009)).", ("Okafor", "Lind")),
        ("As noted [see Okafor (2016)].", ("Okafor",)),
        ("Shown {Okafor & Lind (2016)} here.", ("Okafor", "Lind")),
    ],
)
def test_the_first_name_after_an_opening_bracket_is_read(text: str, first: tuple[str, ...]) -> None:
    found = extract_citations(document(text))
    assert found and found[0].authors == first and found[0].year == 2016


def test_the_rest_of_the_list_is_read_too() -> None:
    found = extract_citations(
        document("A list [Okafor and Lind (2016); Pruett, Vance, and Hale (2009)].")
    )
    assert [c.authors for c in found][1:] == [("Pruett", "Vance", "Hale")]
