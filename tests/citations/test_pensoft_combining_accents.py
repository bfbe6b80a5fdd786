"""Names whose accents are written as combining marks after the letter ("Mari" + U+0301
for "Marín"), as text pasted from PDFs and some publishers' XML spells them: the mark
is no letter to a regular expression's ``\\w``, so the name was no name, the work was
not read, and its entry was reported never cited.

Every name here is made up.
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference, summary

_DECOMPOSED = "Valle-Mari\u0301n"


def test_a_decomposed_accent_in_a_group() -> None:
    found = extract_citations(document(f"(Lopes and Stam 2014; {_DECOMPOSED} and O’Dea 2007)."))
    assert [c.authors for c in found] == [("Lopes", "Stam"), (_DECOMPOSED, "O’Dea")]


def test_a_decomposed_accent_in_a_narrative() -> None:
    found = extract_citations(document(f"As {_DECOMPOSED} and O’Dea (2007) showed, it grows."))
    assert summary(found) == [((_DECOMPOSED, "O’Dea"), 2007, None)]


def test_it_matches_the_entry_spelt_with_the_composed_letter() -> None:
    citations = extract_citations(document(f"(Lopes 2014; {_DECOMPOSED} and O’Dea 2007)."))
    entries = [reference(1, "Lopes", year=2014), reference(2, "Valle-Marín", "O’Dea", year=2007)]
    _, matches = match_citations(citations, entries)
    assert [m.targets for m in matches] == [("ref-1",), ("ref-2",)]
