"""Author-year extraction and matching stay linear on hostile manuscripts.

Each input is built here in a shape that made the old extractor rescan the whole
line for every candidate (a 140 KB one-line manuscript took 9 s, 500 KB minutes) or
compare every citation with every entry. No clock: the work is counted at a base
size and at 8 times it (tests/security/counted_work.py) -- linear grows 8x, the old
quadratic code 64x -- and the outcome is checked at the larger size.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.document import Document, Line
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty, Citation
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from tests.security.counted_work import SCALE, Case, assert_linear


def one_line(text: str) -> Document:
    return Document(path="m.md", format="markdown", lines=(Line("m.md", 1, text),))


def extract(text: str) -> tuple[Citation, ...]:
    return extract_citations(one_line(text))


SENTENCE = (
    "Catches fell sharply in the north (Moreira 2009, Park et al. 2018; see also "
    "Lima and Costa, 2016, p. 4), as Hart and Lomé (2019) showed for Georgia (1993). "
)
TEXTS = {  # name -> text of about n characters
    "bare years": lambda n: "(2020) " * (n // 7),
    "prose": lambda n: SENTENCE * (n // len(SENTENCE)),
    "names without end": lambda n: (
        "Smith and " * (n // 20) + "Lee (2019) " + "Smith, " * (n // 14) + "2019."
    ),
    "unclosed groups": lambda n: (
        "(Smith, " * (n // 24) + "[Lee " * (n // 15) + "Smith 2019 " * (n // 33)
    ),
    "code spans": lambda n: "`(Smith, 2019)` (Lee, 2020) " * (n // 28),
}
BASE = 3_000


def author_year_citations(entries: int) -> tuple[tuple[Citation, ...], list[Reference]]:
    references = [
        Reference(
            id=f"ref-{i}",
            index=i,
            location=Location("m.md", i),
            raw=f"{letters(i)}, A. ({1900 + i % 120}). Title {i}.",
            authors=(Person(letters(i), "A."),),
            year=1900 + i % 120,
        )
        for i in range(1, entries + 1)
    ]
    text = " ".join(
        f"({letters(i)}, {1900 + i % 120}; {letters(i + 5000)} 2001)"
        for i in range(1, 5 * entries + 1)
    )
    return extract(text), references


def title_first_citations(entries: int) -> tuple[tuple[Citation, ...], list[Reference]]:
    references = [
        Reference(
            id=f"ref-{i}",
            index=i,
            location=Location("m.md", i),
            raw=f"{letters(i).upper()} ENTRY TITLE {i}. Video. 2015.",
            year=2015,
        )
        for i in range(1, entries + 1)
    ]
    text = " ".join(f"({letters(i).upper()} ENTRY..., 2015)" for i in range(1, 4 * entries + 1))
    return extract(text), references


def _match(pair: tuple[tuple[Citation, ...], list[Reference]]) -> object:
    return match_citations(*pair)


CASES = {
    **{f"extract: {k}": Case(build, extract, BASE) for k, build in TEXTS.items()},
    "match: author-year": Case(author_year_citations, _match, 50),
    "match: title first": Case(title_first_citations, _match, 50),
}


@pytest.mark.parametrize("name", CASES)
def test_work_grows_linearly(name: str) -> None:
    assert_linear(__name__, name)


def test_a_flood_of_bare_years_in_parentheses() -> None:
    # "(2020) " x 100,000: every group is a narrative candidate with nothing before it.
    found = extract(TEXTS["bare years"](BASE * SCALE))
    assert found == ()


def test_a_long_single_line_of_real_looking_prose() -> None:
    found = extract(TEXTS["prose"](BASE * SCALE))
    assert len(found) == 5 * (BASE * SCALE // len(SENTENCE))


def test_names_without_end_do_not_make_the_look_back_grow() -> None:
    # A name chain long before a year: the look-back window is bounded.
    found = extract(TEXTS["names without end"](BASE * SCALE))
    assert all(len(c.text) < 300 for c in found)


def test_unclosed_groups_and_bare_years() -> None:
    found = extract(TEXTS["unclosed groups"](BASE * SCALE))
    assert all(c.certainty is Certainty.WEAK for c in found)


def test_many_code_spans_are_looked_up_not_scanned() -> None:
    found = extract(TEXTS["code spans"](BASE * SCALE))
    assert {c.authors for c in found} == {("Lee",)}


def letters(n: int) -> str:
    """A distinct made-up surname per number: 0 -> "Baaaa", 1 -> "Baaab", ..."""
    out = ""
    for _ in range(4):
        n, r = divmod(n, 26)
        out = chr(97 + r) + out
    return "B" + out


def test_matching_is_indexed_not_citations_times_entries() -> None:
    citations, references = author_year_citations(500)
    kept, matches = match_citations(citations, references)
    assert len(kept) == len(citations) == 5_000
    assert sum(1 for m in matches if m.targets) == 500


def test_title_first_citations_cut_short_are_looked_up_not_scanned() -> None:
    # ABNT "(TITLE WORDS..., 2015)" is matched on entry starts: distinct ones against
    # 500 entries must not compare every pair (the work test above counts that).
    citations, references = title_first_citations(500)
    _, matches = match_citations(citations, references)
    assert sum(1 for m in matches if m.targets) == 500
