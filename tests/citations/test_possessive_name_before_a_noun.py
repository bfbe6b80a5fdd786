"""A possessive name and what it names before the year: "Clarke’s description (1881)",
"Ruiz and Pavon’s synonymy (1802)", "la revisión de ... " aside -- the work is the
name's, cited by its year, a candidate kept when an entry confirms it. Found on the
fresh and dev splits of benches/real_articles.py (three Pensoft articles); made-up
names."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.model.citation import Certainty

from .helpers import document


def _read(text: str) -> list[tuple[tuple[str, ...], int | None, Certainty]]:
    return [(c.authors, c.year, c.certainty) for c in extract_citations(document(text))]


def test_one_or_two_words_after_the_possessive() -> None:
    assert _read("Okonjo’s description (1881) stated it.") == [
        (("Okonjo",), 1881, Certainty.CANDIDATE)
    ]
    assert _read("Due to Varga and Lind's synonymy (1802), the genus.") == [
        (("Varga", "Lind"), 1802, Certainty.CANDIDATE)
    ]
    assert _read("Okonjo’s later treatment (1994) was similar.") == [
        (("Okonjo",), 1994, Certainty.CANDIDATE)
    ]


def test_no_possessive_no_name() -> None:
    assert _read("The river description (1881) stated it.") == []
    assert _read("Okonjo’s very long later treatment (1994) was similar.") == []
