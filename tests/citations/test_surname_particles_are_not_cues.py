"""A surname's particle opening a parenthesis, "(de Meester 1993; Loose et al. 1993)",
is part of the name, not the cue "de" (from, by) that made the work a weak guess: a
weak work under another year than its entry was dropped, and the entry called
"never cited" (issue 12; found on the dev split of benches/real_articles.py)."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document, reference


def test_a_particle_before_one_name_is_the_name() -> None:
    found = extract_citations(
        document("Abundance (de Meester 1993; Loose et al. 1993) and (von Arx 2001).")
    )
    assert [(c.authors, c.certainty) for c in found] == [
        (("de Meester",), Certainty.SURE),
        (("Loose",), Certainty.SURE),
        (("von Arx",), Certainty.SURE),
    ]


def test_its_entry_under_another_year_is_a_year_mismatch() -> None:
    refs = [reference(1, "de Meester", "Weider", "Tollrian", year=1995)]
    _, matches = match_citations(extract_citations(document("(de Meester 1993)")), refs)
    assert [(m.targets, m.year_mismatch) for m in matches] == [((), ("ref-1",))]


def test_a_cue_before_several_words_stays_a_cue() -> None:
    found = extract_citations(document("Dados (de Silva e Lopes 2010) e (in Smith 2010)."))
    assert {c.certainty for c in found} == {Certainty.WEAK}
