"""A narrative naming the first and last of three authors, "Okafor & Berry (1987)"
for Okafor, Tran & Berry: linked by its first name, with no "spells the author
'Berry'" finding (issue 12, review of real pandoc manuscripts). A real typo is still
linked through the near spelling and reported."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference


def test_first_and_last_author_link_without_a_name_mismatch() -> None:
    refs = [reference(1, "Okafor", "Tran", "Berry", year=1987)]
    kept, matches = match_citations(
        extract_citations(document("The model of Okafor & Berry (1987) works.")), refs
    )
    assert [
        (c.authors, m.targets, m.name_mismatch) for c, m in zip(kept, matches, strict=True)
    ] == [(("Okafor", "Berry"), ("ref-1",), False)]


def test_a_misspelt_first_name_is_still_a_name_mismatch() -> None:
    refs = [reference(1, "Kowalczyk", "Brandt", year=2000)]
    _, matches = match_citations(
        extract_citations(document("As Kowalcyzk and Brandt (2000) found.")), refs
    )
    assert [(m.targets, m.name_mismatch) for m in matches] == [(("ref-1",), True)]


def test_the_last_author_alone_links_without_a_name_mismatch() -> None:
    """ "Chan (2005)" for Roberts & Chan (2005): a narrative read from its end (the names
    before it on the previous line of hard-wrapped text) -- no name is misspelt."""
    refs = [reference(1, "Roberts", "Chan", year=2005)]
    _, matches = match_citations(extract_citations(document("as in\nChan (2005) shown")), refs)
    assert [(m.targets, m.name_mismatch) for m in matches] == [(("ref-1",), False)]
