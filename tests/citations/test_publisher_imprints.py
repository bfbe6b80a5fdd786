"""A note's imprint, "(Place: Publisher, Year)", is no author-date citation (made-up)."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document, reference


def test_an_imprint_in_a_note_is_weak_and_never_missing() -> None:
    text = "1. Ona Vell, Some Book (New York: Quarry Lane Press, 2021), 12."
    cits = extract_citations(document(text))
    assert [c.certainty for c in cits] == [Certainty.WEAK]
    kept, _ = match_citations(cits, [reference(1, "Vell", year=2021)])
    assert kept == ()


def test_a_publishing_body_the_list_holds_is_still_cited() -> None:
    refs = [reference(1, "Quarry Lane Press", year=2021, organisation=True)]
    _, matches = match_citations(
        extract_citations(document("As reported (Quarry Lane Press, 2021).")), refs
    )
    assert [m.targets for m in matches] == [("ref-1",)]


def test_an_editora_is_a_publisher_too() -> None:
    cits = extract_citations(document("Ver o livro (São Paulo: Editora Quarry, 2019)."))
    assert [c.certainty for c in cits] == [Certainty.WEAK]
