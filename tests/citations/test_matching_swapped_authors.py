"""Two authors cited in the other order than their entry lists them (made-up works)."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import CitationMatch
from citeaudit.model.reference import Reference
from citeaudit.rules.citations.citation_name_mismatch import CitationNameMismatch
from tests.citations.helpers import document, reference
from tests.rules_citations.conftest import data


def _matches(text: str, refs: list[Reference]) -> list[CitationMatch]:
    _, matches = match_citations(extract_citations(document(text)), refs)
    return list(matches)


def test_swapped_names_link_the_entry_as_a_name_mismatch() -> None:
    refs = [reference(1, "Mornetti", "Quellar", year=2012), reference(2, "Dunn", year=2010)]
    found = _matches("Many species (Quellar and Mornetti 2012). Also (Dunn 2010).", refs)
    assert found[0].targets == ("ref-1",) and found[0].name_mismatch


def test_the_entry_in_the_cited_order_wins() -> None:
    refs = [
        reference(1, "Ruiz", "Pardo", year=2011),
        reference(2, "Pardo", "Ruiz", year=2011),
    ]
    found = _matches("As shown (Pardo and Ruiz 2011).", refs)
    assert found[0].targets == ("ref-2",) and not found[0].name_mismatch


def test_another_year_is_no_swap() -> None:
    text = "Many species (Quellar and Mornetti 2012)."
    refs = [reference(1, "Mornetti", "Quellar", year=2009)]
    assert not any(m.targets for m in _matches(text, refs))


def test_the_rule_says_the_order_differs() -> None:
    refs = [reference(1, "Mornetti", "Quellar", year=2012)]
    cits = extract_citations(document("Many species (Quellar and Mornetti 2012)."))
    kept, matches = match_citations(cits, refs)
    found = list(CitationNameMismatch().check(data(refs, list(kept), list(matches))))
    assert len(found) == 1
    assert "another order" in found[0].message
