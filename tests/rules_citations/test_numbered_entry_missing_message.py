"""A number within the list's length that no entry carries: the message says so,
not "cites entry 13, but the reference list has 46 entries" (issue 12, review of real
Word manuscripts: two entries in one paragraph, "[12] ... 1979. [13]Beaujean ...")."""

from __future__ import annotations

from citeaudit.model import CitationKind, CitationMatch
from citeaudit.rules.citations.missing_reference import MissingReference

from .conftest import cit, data, ref


def test_a_number_the_list_skips_is_said_so() -> None:
    refs = [ref(f"r{i}", f"Writer{i}", 2001, i) for i in range(1, 4)]
    cits = [
        cit("c1", "[2]", 5, number=2, kind=CitationKind.NUMERIC),
        cit("c2", "[9]", 6, number=9, kind=CitationKind.NUMERIC),
    ]
    found = list(
        MissingReference().check(data(refs, cits, [CitationMatch("c1"), CitationMatch("c2")]))
    )
    assert "no entry of the reference list is numbered 2" in found[0].message
    assert "the reference list has 3 entries" in found[1].message
