"""A place and a period ("collecting efforts in Lagoa Serra (1863-1866)") is a weak
narrative, kept only when an entry confirms the name. Its two-word name's acronym,
"LS", confirmed it through an entry whose initials were read as a family name
("Pereira LS"), and it was reported as a missing work.

Every name here is made up.
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference

_TEXT = "It is noteworthy that after Wenning's collecting efforts in Lagoa Serra (1863-1866), few."


def test_a_two_letter_acronym_confirms_no_name() -> None:
    kept, _ = match_citations(
        extract_citations(document(_TEXT)), [reference(1, "Pereira", "LS", year=2001)]
    )
    assert kept == ()


def test_a_longer_acronym_still_does() -> None:
    # the body is a co-author of an entry under its acronym: the name is confirmed
    text = "collecting efforts in Great Fern Garden (1863-1866), few."
    entry = reference(1, "Pereira", "GFG", year=2001)
    kept, _ = match_citations(extract_citations(document(text)), [entry])
    assert [c.authors for c in kept] == [("Great Fern Garden",)]
