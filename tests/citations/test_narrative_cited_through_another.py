"""A narrative cited through another work, "Segundo Ferraz e Gil (2004), conforme citado
por Dantas (2012)": ABNT lists only the work read (Dantas), so the first is weak -- no
possible-missing-reference (issue 12, review of real Word manuscripts)."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document, reference


def test_the_work_read_through_another_is_weak() -> None:
    text = "Segundo Ferraz e Gil (2004), conforme citado por Dantas (2012), o tráfico cresce."
    found = [(c.authors, c.certainty) for c in extract_citations(document(text))]
    assert found[0] == (("Ferraz", "Gil"), Certainty.WEAK)
    refs = [reference(1, "Dantas", year=2012)]
    kept, matches = match_citations(extract_citations(document(text)), refs)
    assert [(c.authors, m.targets) for c, m in zip(kept, matches, strict=True)] == [
        (("Dantas",), ("ref-1",))
    ]


def test_as_cited_in_english_too() -> None:
    text = "As Lindqvist (1998), as cited in Moreau (2010), showed, rivers rise."
    found = [(c.authors, c.certainty) for c in extract_citations(document(text))]
    assert found[0] == (("Lindqvist",), Certainty.WEAK)
