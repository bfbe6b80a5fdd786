"""Author-year matching stays linear when many citations of one name meet many entries.

Two shapes of the thirteenth freeze round, each a whole offline audit of a Markdown
paper and a BibTeX file (`benches/h7_freeze_figures.py` prints their seconds):

- **One citation repeated, its year nowhere in the list.** n copies of "(Smith, 1999)"
  beside n Smith entries of other years: every copy is a year mismatch against all n
  entries, and `_other_works_are_not_mismatches` narrowed the n candidates again for
  each copy (`AuthorIndex.nearest`), n x n steps -- 8,000 of each took 14 s, 20,000
  would take minutes, though the copies share one candidate tuple.
- **Citations that differ, one name.** "(Smith & Leea, 2020)", "(Smith & Leeb,
  2020)", ... beside n entries of Smith 2020: the decision is remembered per distinct
  citation, so each new co-author scored all n entries of Smith again -- 2,000 of each
  took 7.7 s (quadratic: 250 -> 1,000 grew 10x); the 50,000 citations and 100,000
  entries an audit may read would be hours, held only by the parse time limit.

Work is counted (calls), never timed: linear grows 8x from the base to 8 times it,
quadratic 64x.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import Phase
from citeaudit.matching import author_index

_FOLDER = Path(tempfile.mkdtemp(prefix="citeaudit-r13-fanout-"))
SCALE = 8


def _audit(paper: str, bib: str) -> object:
    (_FOLDER / "paper.md").write_text(paper, encoding="utf-8")
    (_FOLDER / "refs.bib").write_text(bib, encoding="utf-8")
    return audit(
        AuditInput((_FOLDER / "paper.md",), (_FOLDER / "refs.bib",)),
        skipped={Phase.RESOLUTION: "offline", Phase.LINKS: "offline"},
    )


def _smiths(n: int, year: Callable[[int], int]) -> str:
    return "".join(
        f"@article{{smith{i}, author = {{Smith, J.}}, title = {{Work {i}}}, year = {year(i)}}}\n"
        for i in range(n)
    )


def _letters(i: int) -> str:
    """A distinct name for each i: 'Leea', 'Leeb', ..., 'Leeaa', ..."""
    word = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        word = chr(97 + rest) + word
    return "Lee" + word


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """Calls of the matcher's per-entry steps: a year compared a year away (narrowing
    year mismatches) and an entry's authors scored against a citation's."""
    counts = {"year_steps": 0, "scored": 0}
    year_away = author_index.a_year_away
    form_score = author_index.AuthorIndex._form_score

    def counted_year_away(cited: int, listed: int | None) -> bool:
        counts["year_steps"] += 1
        return year_away(cited, listed)

    def counted_form_score(self: author_index.AuthorIndex, citation: object, i: int) -> int:
        counts["scored"] += 1
        return form_score(self, citation, i)  # type: ignore[arg-type]

    monkeypatch.setattr(author_index, "a_year_away", counted_year_away)
    monkeypatch.setattr(author_index.AuthorIndex, "_form_score", counted_form_score)
    yield counts


def _grown(counts: dict[str, int], what: str, run: Callable[[int], object], base: int) -> float:
    counts[what] = 0
    run(base)
    small = max(counts[what], 1)
    counts[what] = 0
    run(base * SCALE)
    return counts[what] / small


def test_one_year_mismatch_repeated_is_narrowed_once(counted: dict[str, int]) -> None:
    def run(n: int) -> object:
        paper = "Text " + "(Smith, 1999) " * n + "\n"
        return _audit(paper, _smiths(n, lambda i: 1900 + i % 99))

    ratio = _grown(counted, "year_steps", run, 150)
    assert ratio < 2 * SCALE, f"{SCALE}x the citations and entries: {ratio:.0f}x the steps"


def test_the_repeated_mismatch_is_still_reported() -> None:
    """Same findings as before: the copies cite one work the list lacks (no entry a year
    away stands out), and every entry stays uncited."""
    result = _audit("Text " + "(Smith, 1999) " * 3 + "\n", _smiths(3, lambda i: 1990 + i))
    rules = [f.rule for f in result.findings]  # type: ignore[attr-defined]
    assert rules.count("missing-reference") == 1
    assert rules.count("uncited-reference") == 3


def test_a_slip_of_one_year_is_still_a_mismatch() -> None:
    """The narrowing is kept: "(Smith, 2016)" beside Smith 2015 and 2009 is a year slip
    for 2015, each copy of it."""
    result = _audit("Text " + "(Smith, 2016) " * 3 + "\n", _smiths(2, lambda i: (2015, 2009)[i]))
    rules = [f.rule for f in result.findings]  # type: ignore[attr-defined]
    assert "missing-reference" not in rules
    assert rules.count("uncited-reference") == 1


def test_distinct_citations_of_one_name_are_bounded(
    counted: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The audit's scoring budget, lowered so the base size already spends it: past it,
    the work no longer grows with citations times entries."""
    monkeypatch.setattr(author_index, "_SCORED", 5_000, raising=False)

    def run(n: int) -> object:
        paper = "Text " + "".join(f"(Smith & {_letters(i)}, 2020) " for i in range(n)) + "\n"
        return _audit(paper, _smiths(n, lambda i: 2020))

    ratio = _grown(counted, "scored", run, 120)
    assert ratio < 2 * SCALE, f"{SCALE}x the citations and entries: {ratio:.0f}x the scorings"
