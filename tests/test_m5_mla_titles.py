"""MLA's short title and page after the name (made up): "(Kay, Depots 7)".

MLA tells an author's works apart by a short title between the name and the page:
"(Kay, Depots 7)" beside Kay's "Depots of the North" and "Harbours and Quays". The
page number after the title is no part of it, so a title read with it ("depots 7")
opened no entry's title and the citation cited both works (ambiguous) -- or, read by
a rule, neither. The title without the page chooses, as it does for a quoted one
("(Kay, “Harbours” 12)"); a word no title opens with chooses nothing.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.matching.author_index import AuthorIndex
from citeaudit.model.citation import Certainty, Citation, CitationKind
from citeaudit.model.location import Location

_ENTRIES = (
    "Kay, Aline. Depots of the North. Harbour Press, 2011.",
    "Kay, Aline. “Harbours and Quays.” Sea Review, vol. 3, no. 2, 2014, pp. 1-9.",
    "Kay, Aline. The Long Quay: Essays. Harbour Press, 2016.",
    "Lund, Per. Shipping Lanes. Fjord UP, 2009.",
)


def _index() -> AuthorIndex:
    refs = [
        parse_reference(raw, id=f"ref-{n}", index=n, location=Location("p.md", 10 + n))
        for n, raw in enumerate(_ENTRIES, start=1)
    ]
    return AuthorIndex(refs)


def _mla(item: str) -> Citation:
    return Citation(
        id="c1",
        text=f"({item})",
        location=Location("p.md", 3),
        kind=CitationKind.AUTHOR_YEAR,
        item=item,
        authors=("Kay",),
        year=None,
        certainty=Certainty.SURE,
    )


@pytest.mark.parametrize(
    ("item", "target"),
    [
        ("Kay, Depots 7", "ref-1"),
        ("Kay, Depots 7-9", "ref-1"),
        ("Kay, Depots of the North 112", "ref-1"),
        ("Kay, “Harbours” 12", "ref-2"),
        ("Kay, Harbours 12", "ref-2"),
        ("Kay, Long Quay 40", "ref-3"),
        ("Kay, Depots, p. 7", "ref-1"),
        ("Kay, Depots 7, 12", "ref-1"),
    ],
)
def test_a_short_title_before_the_page_chooses_the_work(item: str, target: str) -> None:
    found = _index().match(_mla(item))
    assert found is not None
    assert found[1].targets == (target,)


def test_a_word_no_title_opens_with_chooses_nothing() -> None:
    found = _index().match(_mla("Kay, Lighthouses 7"))
    assert found is not None
    assert set(found[1].targets) == {"ref-1", "ref-2", "ref-3"}
