"""Author-year extraction and matching stay linear on hostile manuscripts.

Each input is built here in a shape that made the old extractor rescan the whole
line for every candidate (a 140 KB one-line manuscript took 9 s, 500 KB minutes) or
compare every citation with every entry. The caps are generous -- the fixed code
takes a fraction of them on a shared machine; the old code took minutes -- so a
failure means the class is back, not noise.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from citeaudit.citation_matching import match_citations
from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.document import Document, Line
from citeaudit.model.citation import Certainty, Citation
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference

CAP_SECONDS = 30.0  # the quadratic versions took minutes; a loaded CI box must still pass
T = TypeVar("T")


def timed(work: Callable[[], T], cap: float = CAP_SECONDS) -> T:
    start = time.perf_counter()
    value = work()
    elapsed = time.perf_counter() - start
    assert elapsed < cap, f"took {elapsed:.1f} s"
    return value


def one_line(text: str) -> Document:
    return Document(path="m.md", format="markdown", lines=(Line("m.md", 1, text),))


def extract(text: str) -> tuple[Citation, ...]:
    return timed(lambda: extract_citations(one_line(text)))


def test_a_flood_of_bare_years_in_parentheses() -> None:
    # "(2020) " x 100,000: every group is a narrative candidate with nothing before it.
    found = extract("(2020) " * 100_000)
    assert found == ()


def test_a_long_single_line_of_real_looking_prose() -> None:
    sentence = (
        "Catches fell sharply in the north (Moreira 2009, Park et al. 2018; see also "
        "Lima and Costa, 2016, p. 4), as Hart and Lomé (2019) showed for Georgia (1993). "
    )
    text = sentence * (1_000_000 // len(sentence))  # one line of ~1 MB
    found = extract(text)
    assert len(found) == 5 * (1_000_000 // len(sentence))


def test_names_without_end_do_not_make_the_look_back_grow() -> None:
    # A name chain a megabyte long before a year: the look-back window is bounded.
    found = extract("Smith and " * 100_000 + "Lee (2019) " + "Smith, " * 100_000 + "2019.")
    assert all(len(c.text) < 300 for c in found)


def test_unclosed_groups_and_bare_years() -> None:
    text = "(Smith, " * 60_000 + "[Lee " * 60_000 + "Smith 2019 " * 30_000
    found = extract(text)
    assert all(c.certainty is Certainty.WEAK for c in found)


def test_many_code_spans_are_looked_up_not_scanned() -> None:
    found = extract("`(Smith, 2019)` (Lee, 2020) " * 40_000)
    assert {c.authors for c in found} == {("Lee",)}


def letters(n: int) -> str:
    """A distinct made-up surname per number: 0 -> "Baaaa", 1 -> "Baaab", ..."""
    out = ""
    for _ in range(4):
        n, r = divmod(n, 26)
        out = chr(97 + r) + out
    return "B" + out


def test_matching_is_indexed_not_citations_times_entries() -> None:
    references = [
        Reference(
            id=f"ref-{i}",
            index=i,
            location=Location("m.md", i),
            raw=f"{letters(i)}, A. ({1900 + i % 120}). Title {i}.",
            authors=(Person(letters(i), "A."),),
            year=1900 + i % 120,
        )
        for i in range(1, 2001)
    ]
    text = " ".join(
        f"({letters(i)}, {1900 + i % 120}; {letters(i + 5000)} 2001)" for i in range(1, 10001)
    )
    citations = extract(text)
    kept, matches = timed(lambda: match_citations(citations, references))
    assert len(kept) == len(citations) == 20_000
    assert sum(1 for m in matches if m.targets) == 2000


def test_title_first_citations_cut_short_are_looked_up_not_scanned() -> None:
    # ABNT "(TITLE WORDS..., 2015)" is matched on entry starts: 8,000 distinct ones
    # against 2,000 entries must not compare every pair.
    references = [
        Reference(
            id=f"ref-{i}",
            index=i,
            location=Location("m.md", i),
            raw=f"{letters(i).upper()} ENTRY TITLE {i}. Video. 2015.",
            year=2015,
        )
        for i in range(1, 2001)
    ]
    text = " ".join(f"({letters(i).upper()} ENTRY..., 2015)" for i in range(1, 8001))
    citations = extract(text)
    _, matches = timed(lambda: match_citations(citations, references))
    assert sum(1 for m in matches if m.targets) == 2000
