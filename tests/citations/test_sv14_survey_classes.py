"""Survey 14 (real manuscripts, benches/REAL_MANUSCRIPTS_14.md): a false-finding class
fixed in citation reading, shown on a made-up example of the same shape.

* ED -- an event's edition named by its acronym and year, "the Sorting domain (ABC
  2004)", where the prose also names the series' other editions ("the ABC 2002", "at
  ABC 2011"): a competition's round, no author; it "had no matching entry".
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document


def _certainty(text: str, author: str, line: int) -> list[Certainty]:
    """The certainty of the author's citations on that line (the bracketed ones)."""
    return [
        c.certainty
        for c in extract_citations(document(text))
        if c.authors == (author,) and c.location is not None and c.location.line == line
    ]


_EDITIONS = (
    "Planners are compared at the yearly contests (ABC), whose tasks are public "
    "(Lund, 2019). The Sorting domain was set at the ABC 2002, and the Stacking domain "
    "at the ABC 2004; a planner of Vale (2010) won the ABC 2011.\n\n"
    "The folder holds the domains Sorting (ABC 2002) and Stacking (ABC 2004).\n"
)


def test_ed_an_editions_acronym_and_year_in_brackets_is_weak() -> None:
    assert _certainty(_EDITIONS, "ABC", 3) == [Certainty.WEAK, Certainty.WEAK]


def test_ed_guard_a_body_cited_by_its_acronym_stays_sure() -> None:
    text = (
        "Rates rose in every region (WHO 2019), as later surveys confirm (WHO 2021).\n\n"
        "The survey by WHO 2019 staff is cited above.\n"
    )
    assert _certainty(text, "WHO", 1) == [Certainty.SURE, Certainty.SURE]


def test_ed_guard_an_acronym_with_a_comma_stays_as_read() -> None:
    text = _EDITIONS + "\nThe rules are the contest's own (ABC, 2004).\n"
    assert _certainty(text, "ABC", 5) == [Certainty.SURE]
