"""Citations that share one tuple of targets are walked once a tuple, not once each.

A .bib of 10,000 entries under one key, each cited: every citation of the key fits
all 10,000 entries, and the matcher hands each the same tuple (`KeyIndex`). Two
passes after it still walked each citation's tuple -- the set of cited entries that
`pairs.pair_missing_with_uncited` builds and the entries cited per group in
`citations._other_works_are_not_mismatches` -- 10^8 steps, 15 CPU s for an 800 KB
upload (freeze22). Counted: how often a shared tuple is iterated.
"""

from __future__ import annotations

from citeaudit.matching import citations as matching_citations
from citeaudit.matching.pairs import pair_missing_with_uncited
from citeaudit.model.citation import Citation, CitationKind, CitationMatch
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference


class _Counted(tuple[str, ...]):
    """A tuple of targets that counts the walks over it."""

    walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        type(self).walks += 1
        return super().__iter__()


def _shared(n: int) -> tuple[list[Citation], list[CitationMatch], list[Reference]]:
    ids = _Counted(f"k0-{i}" for i in range(50))
    _Counted.walks = 0
    cites = [
        Citation(f"c{i}", "[@k0]", Location("paper.md", i + 1), CitationKind.KEY, key="k0")
        for i in range(n)
    ]
    matches = [CitationMatch(c.id, targets=ids) for c in cites]
    refs = [
        Reference(
            id=f"u{i}",
            index=i,
            location=Location("paper.md", 100_000 + i),
            raw=f"Smith, J. ({2000 + i}). T.",
            authors=(Person(family="Smith", given="J."),),
            year=2000 + i,
        )
        for i in range(3)
    ]
    return cites, matches, refs


def test_pairing_walks_a_shared_tuple_once() -> None:
    cites, matches, refs = _shared(2_000)
    _, out = pair_missing_with_uncited(cites, matches, refs)
    assert [m.targets for m in out] == [m.targets for m in matches]
    assert _Counted.walks <= 2


def test_exact_citations_walk_a_shared_tuple_once_a_group() -> None:
    cites, matches, _ = _shared(2_000)
    out = matching_citations._other_works_are_not_mismatches(cites, matches, None)
    assert [m.targets for m in out] == [m.targets for m in matches]
    assert _Counted.walks <= 4
