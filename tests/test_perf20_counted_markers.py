"""The author-year reader counts the markers past the cap instead of making them.

Class: `AuthorYearExtractor.markers_before(document, horizon)` must find exactly the
markers `markers(document)` finds -- the same spans, which still claim their text from
the other readers, and the same number of citations each -- and make every marker that
starts at or before the horizon as `markers` makes it; past the horizon a group or a
narrative citation may come `Counted` (no citation made), except where its names could
define an acronym ("Ministry of Fisheries [MoF]", which later "(MoF, 2018)" takes) or
where a narrative's years open a group of other works ("Goodman and Sorj (1985 apud
Lemos, 2008)"): those are made whole. Checked at every horizon between markers on
manuscripts in several styles and languages, on several lines and on one.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import AuthorYearExtractor
from citeaudit.manuscript.citations.marker import Counted, CountsPastCap, Horizon, Marker
from citeaudit.manuscript.document import Document
from tests.citations.helpers import document

_ENGLISH = (
    "Okafor (2019a, 2019b) and Lindqvist & Haar (2011) report it, as do others "
    "(Rossi, 2001; Tanaka & Ito, 2003; Abebe et al., 2015). The Ministry of Fisheries "
    "[MoF] (2018) agrees (Ministry of Fisheries [MoF], 2018), and later (MoF, 2018). "
    "Goodman and Sorj (1985 apud Lemos, 2008) saw it; so did Brandt (2004, p. 12).\n"
)
_PORTUGUESE = (
    "Segundo Silva (2014 apud Oliveira, 2016), o efeito persiste (Costa; Lima, 2010). "
    "Pereira et al. (2017) e Santos (2012a, 2012b) discordam (Müller 2001; ders. 2005).\n"
)
_SPANISH = (
    "Como señalan García y Pérez (2015), el resultado se mantiene (Ortega, 2017a, 2017b; "
    "Ruiz et al., 2019). Nguyen Van An (2020) lo confirma.\n"
)

DOCUMENTS = {
    "english": document(_ENGLISH * 4),
    "portuguese": document(_PORTUGUESE * 4),
    "spanish, one line": document((_SPANISH + _ENGLISH).replace("\n", " ") * 3),
    "text": document((_PORTUGUESE + _SPANISH) * 3, fmt="text", path="paper.txt"),
}


def _shape(marker: Marker | Counted) -> tuple[int, int, int]:
    return marker.start, marker.end, marker.count


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_markers_past_the_horizon_are_counted_the_same(name: str) -> None:
    doc: Document = DOCUMENTS[name]
    extractor = AuthorYearExtractor()
    assert isinstance(extractor, CountsPastCap)
    made = list(extractor.markers(doc))
    assert len(made) > 10
    counted_somewhere = False
    for horizon in sorted({-1, *(m.start for m in made), *(m.start - 1 for m in made)}):
        found = list(extractor.markers_before(doc, Horizon(horizon)))
        assert [_shape(m) for m in found] == [_shape(m) for m in made], f"horizon {horizon}"
        for whole, got in zip(made, found, strict=True):
            if got.start <= horizon or not isinstance(got, Counted):
                assert got == whole, f"horizon {horizon}"
            else:
                counted_somewhere = True
    assert counted_somewhere


def test_names_that_define_an_acronym_are_made_past_the_horizon() -> None:
    doc = DOCUMENTS["english"]
    found = list(AuthorYearExtractor().markers_before(doc, Horizon(-1)))
    defining = [m for m in found if "[MoF]" in doc.text[m.start : m.end]]
    assert defining and all(isinstance(m, Marker) for m in defining)
    # and the later "(MoF, 2018)" is counted, its names given by nobody
    assert any(isinstance(m, Counted) and doc.text[m.start : m.end] == "(MoF, 2018)" for m in found)


def test_a_narrative_before_a_group_of_other_works_is_made_past_the_horizon() -> None:
    for doc in (DOCUMENTS["english"], DOCUMENTS["portuguese"]):
        found = list(AuthorYearExtractor().markers_before(doc, Horizon(-1)))
        leading = [m for m in found if " apud " in doc.text[m.start : m.end]]
        assert leading and all(isinstance(m, Marker) for m in leading)


def test_the_unbounded_horizon_makes_every_marker() -> None:
    for doc in DOCUMENTS.values():
        found = list(AuthorYearExtractor().markers_before(doc, Horizon()))
        assert all(isinstance(m, Marker) for m in found)
        assert found == list(AuthorYearExtractor().markers(doc))
