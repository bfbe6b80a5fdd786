"""Numbers in a text with no reference list at all are not kept as citations: in a
notes-style text pasted with its notes at the end, "[7]" is a note's marker, and a
hundred "cites entry 7, but the reference list has 0 entries" findings said nothing
(issue 12, review of real Word manuscripts as text)."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference


def test_no_list_no_numeric_citations() -> None:
    text = "The court ruled [1] and appealed [2], [3] (Okoro, 2019)."
    kept, _ = match_citations(extract_citations(document(text)), [])
    assert [c.item for c in kept] == ["Okoro, 2019"]


def test_a_list_keeps_them() -> None:
    text = "The court ruled [1] and appealed [2]."
    refs = [reference(1, "Okoro", year=2019), reference(2, "Lind", year=2001)]
    _, matches = match_citations(extract_citations(document(text)), refs)
    assert [m.targets for m in matches] == [("ref-1",), ("ref-2",)]
