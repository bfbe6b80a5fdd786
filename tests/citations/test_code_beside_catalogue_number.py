"""A collection's code and number beside a catalogue number ("(QM 1733, REEF-0412)") is
a specimen record, no work of 1733: weak, never a missing reference (made-up codes)."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document


def _found(text: str) -> list[tuple[tuple[str, ...], Certainty]]:
    return [(c.authors, c.certainty) for c in extract_citations(document(text))]


def test_a_code_beside_a_catalogue_number_is_weak() -> None:
    found = _found("A worm was photographed (QM 1733, REEF-0412) near the reef.")
    assert found and all(c is Certainty.WEAK for _, c in found)


def test_a_code_beside_works_or_a_short_number_stays_sure() -> None:
    assert _found("Rates rose (QM 1998; Orrin 2011).") == [
        (("QM",), Certainty.SURE),
        (("Orrin",), Certainty.SURE),
    ]
    assert _found("Rates rose (QM 1998, COVID-19).") == [(("QM",), Certainty.SURE)]
