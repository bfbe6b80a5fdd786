"""An acronym the text defines in a first citation, "(Ministry of Fisheries [MoF],
2018)", then uses alone, "(MoF, 2018)": the later citation finds the entry the
name heads. Made-up bodies and works throughout."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations

from .helpers import document, reference


def test_a_later_citation_by_the_defined_acronym_takes_the_name() -> None:
    text = (
        "Quotas rose (Ministry of Fisheries [MoF], 2018; Tane, 2017). "
        "Catches fell after that (MoF, 2018)."
    )
    citations = extract_citations(document(text))
    assert [c.authors for c in citations] == [
        ("Ministry of Fisheries [MoF]",),
        ("Tane",),
        ("Ministry of Fisheries [MoF]",),
    ]
    refs = [
        reference(1, "Ministry of Fisheries", year=2018, organisation=True),
        reference(2, "Tane", year=2017),
    ]
    _, matches = match_citations(citations, refs)
    assert [m.targets for m in matches] == [("ref-1",), ("ref-2",), ("ref-1",)]


def test_an_acronym_used_before_any_definition_stays_as_written() -> None:
    citations = extract_citations(document("Catches fell (MoF, 2018). Later (Ward, 2019)."))
    assert [c.authors for c in citations] == [("MoF",), ("Ward",)]
