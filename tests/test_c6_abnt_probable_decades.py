"""ABNT's probable decade or century, "(MATOS, [197-?])", "(MATOS, [18--?])" (made-up
names): no date, like "[197-]". Needs c6-probable-decades.diff in author_year.py."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import document


@pytest.mark.parametrize("label", ["[197-?]", "[18--?]", "[197-]"])
def test_a_probable_decade_is_no_date(label: str) -> None:
    found = [
        (c.authors, c.year, c.no_date)
        for c in extract_citations(document(f"O dado (MATOS, {label})."))
    ]
    assert found == [(("MATOS",), None, True)]
