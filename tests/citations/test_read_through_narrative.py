"""A work named in running text and read through another ("Silva (2014 apud OLIVEIRA,
2016)", "Brown (1990, as cited in Green, 2000)"): ABNT and APA list only the work read,
so the original is cited only when an entry has its name *and* year. An entry of the
same author with another year is another work: no year mismatch, and it is not cited by
this. Every name here is made up."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference

_FORMS = [
    "Segundo Silva (2014 apud OLIVEIRA, 2016), é assim.",
    "Silva (2014 apud OLIVEIRA, 2016, p. 12) disse.",
    "Silva (2014, p. 3 apud OLIVEIRA, 2016) disse.",
    "Silva (2014, as cited in Oliveira, 2016) agreed.",
    "Silva (2014), conforme citado por Oliveira (2016), disse.",
]


def _matches(text: str, *refs: object) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    cits, matches = match_citations(extract_citations(document(text)), list(refs))  # type: ignore[arg-type]
    names = {c.id: c.authors[0].title() for c in cits if c.authors}
    return {names[m.citation_id]: (m.targets, m.year_mismatch) for m in matches}


@pytest.mark.parametrize("text", _FORMS)
def test_the_original_is_no_wrong_year_of_the_authors_other_work(text: str) -> None:
    found = _matches(text, reference(1, "Oliveira", year=2016), reference(2, "Silva", year=2010))
    assert found.get("Oliveira", ((), ()))[0] == ("ref-1",)
    assert "Silva" not in found or found["Silva"] == ((), ())


@pytest.mark.parametrize("text", _FORMS)
def test_the_original_listed_is_cited(text: str) -> None:
    found = _matches(text, reference(1, "Oliveira", year=2016), reference(2, "Silva", year=2014))
    assert found["Silva"] == (("ref-2",), ())
