"""A date stamp in brackets is no citation (class SD, issue 12): "(Stand März 2024)",
"(as of May 2023)", "(Stand: 10/2024)". "Stand" ("as of") was read as an author and the
stamp reported as a missing reference. Made-up text."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations.author_year import AuthorYearExtractor
from citeaudit.manuscript.document import Document, Line


def _doc(body: str) -> Document:
    return Document("p.md", "markdown", (Line("p.md", 1, body),))


@pytest.mark.parametrize(
    "stamp",
    [
        "(Stand März 2024)",
        "(Stand: 10/2024)",
        "(as of May 2023)",
        "(Stand 3. Mai 2022)",
        "(Stand 2021)",
    ],
)
def test_a_date_stamp_is_no_citation(stamp: str) -> None:
    assert AuthorYearExtractor().extract(_doc(f"Die Preise {stamp} steigen.")) == []


def test_a_name_before_a_year_is_still_read() -> None:
    (cit,) = AuthorYearExtractor().extract(_doc("Die Preise steigen (Standke 2021)."))
    assert (cit.authors, cit.year) == (("Standke",), 2021)
