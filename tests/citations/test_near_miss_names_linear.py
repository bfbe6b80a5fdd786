"""Near-miss names stay linear on hostile lists: every entry of one year, every first
author a double surname, and five citations per entry that no entry has as written
(halves of double surnames, re-spelt names). The near names are looked up by year and
initial or by (year, half), capped, never compared with every entry: the work is
counted at a base size and at 8 times it (tests/security/counted_work.py)."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.document import Document, Line
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Citation
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from tests.security.counted_work import Case, assert_linear


def _letters(n: int, head: str) -> str:
    """A distinct made-up name per number: (0, "B") -> "Baaaa", (1, "B") -> "Baaab"."""
    out = ""
    for _ in range(4):
        n, r = divmod(n, 26)
        out = chr(97 + r) + out
    return head + out


def _one_year(entries: int) -> tuple[tuple[Citation, ...], list[Reference]]:
    references = [
        Reference(
            id=f"ref-{i}",
            index=i,
            location=Location("m.md", i),
            raw=f"{_letters(i, 'B')} {_letters(i, 'Q')}, A. (2001). Title {i}.",
            authors=(Person(f"{_letters(i, 'B')} {_letters(i, 'Q')}", "A."),),
            year=2001,
        )
        for i in range(entries)
    ]
    text = " ".join(
        f"({_letters(i, 'Q')}, 2001; {_letters(i, 'Bz')}, 2001; {_letters(i, 'By')} 2001; "
        f"de {_letters(i, 'Bzz')} 2001; {_letters(i, 'Q')} et al. 2001)"
        for i in range(entries)
    )
    document = Document(path="m.md", format="markdown", lines=(Line("m.md", 1, text),))
    return extract_citations(document), references


def _match(pair: tuple[tuple[Citation, ...], list[Reference]]) -> object:
    return match_citations(*pair)


CASES = {"match: near names of one year": Case(_one_year, _match, 12)}


@pytest.mark.parametrize("name", CASES)
def test_work_grows_linearly(name: str) -> None:
    assert_linear(__name__, name)


def test_each_half_cited_alone_finds_its_one_entry() -> None:
    citations, references = _one_year(100)
    kept, matches = match_citations(citations, references)
    entry_of = {_letters(i, "Q"): f"ref-{i}" for i in range(100)}
    halves = [(c, m) for c, m in zip(kept, matches, strict=True) if c.authors[0] in entry_of]
    assert len(halves) == 200
    assert all(m.targets == (entry_of[c.authors[0]],) and m.name_mismatch for c, m in halves)
