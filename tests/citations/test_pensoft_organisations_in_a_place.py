"""An organisation named with its place ("Royal Botanic Gardens in Kew") is one author:
its "in" was read as the botanists' "X in Y" (X wrote a part of Y's work), so the
citation became "Kew 2010", a missing work, and its entry was never cited.

Every name here is made up.
"""

from __future__ import annotations

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.location import Location
from tests.citations.helpers import document, summary

_TEXT = "The Plant Index (Ozark Botanical Garden and Royal Botanic Gardens in Kew 2010) lists 145."


def test_the_organisation_is_read_whole() -> None:
    assert summary(extract_citations(document(_TEXT))) == [
        (("Ozark Botanical Garden", "Royal Botanic Gardens in Kew"), 2010, None)
    ]


def test_it_cites_its_entry() -> None:
    raw = (
        "Ozark Botanical Garden, Royal Botanic Gardens in Kew (2010) The Plant Index, "
        "Version 1. Published on the internet."
    )
    entry = parse_reference(raw, id="ref-1", index=1, location=Location("refs.md", 1))
    _, matches = match_citations(extract_citations(document(_TEXT)), [entry])
    assert [m.targets for m in matches] == [("ref-1",)]


def test_a_botanists_part_of_a_work_is_still_read_through() -> None:
    found = extract_citations(document("(Jarvis and Ranken in Alton et al. 1981)"))
    assert summary(found) == [(("Alton",), 1981, None)]
