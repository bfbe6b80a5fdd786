"""A person's name with life dates is no citation with a wrong year (made-up names)."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.rules.citations.citation_year_mismatch import CitationYearMismatch
from tests.citations.helpers import document, reference
from tests.rules_citations.conftest import data


def _year_findings(text: str, year: int) -> int:
    refs = [reference(1, "Quenby Hollis", year=year)]
    kept, matches = match_citations(extract_citations(document(text)), refs)
    return len(list(CitationYearMismatch().check(data(refs, list(kept), list(matches)))))


def test_life_dates_after_a_listed_author_are_no_year_mismatch() -> None:
    text = "It was named by the botanist Anna Quenby Hollis (1862–1934) in Tanga."
    assert _year_findings(text, 1891) == 0


def test_a_wrong_year_of_the_same_author_is_still_reported() -> None:
    assert _year_findings("It was named by Quenby Hollis (1890) in Tanga.", 1891) == 1
