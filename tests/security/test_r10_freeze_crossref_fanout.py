"""A crossref parent shared by many children costs what the file holds, not their product.

Every child of a BibTeX ``crossref`` takes its parent's fields. A made-up file of n
children under one parent of n fields (or one of a long editor list, or a long title)
made n x n inherited values -- each copied, decoded, name-split and held in a
Reference: 4 times the file took 8 to 14 times the CPU and 5 times the memory, and a
parent holding a few thousand authors froze the reader past a minute at 150 KB. What
a file's children inherit in all is now bounded (`bibtex.inheritance_budget`, like
the @string expansion budget), and one problem says where inheritance stopped.
Growth is compared, never timed against a limit.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from citeaudit.bibliography import bibtex
from citeaudit.bibliography.bibtex import parse_bibtex
from tests.security.growth import growth_at

growth = growth_at(8)


@pytest.fixture
def small_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """The budget (2,000,000 characters, or ten times the file) lowered to 100,000, so
    the tests stay quick: what is checked is that inheritance stops at a bound."""
    monkeypatch.setattr(bibtex, "inheritance_budget", lambda text: 100_000)


def _children(n: int, prefix: str = "c") -> str:
    return "".join(
        f"@inproceedings{{{prefix}{i}, crossref = {{p}}, title = {{Paper {i}}}, "
        f"author = {{A{i}, B}}}}\n"
        for i in range(n)
    )


def _wide_parent(n: int) -> str:
    fields = ", ".join(f"f{i} = {{v{i}}}" for i in range(n))
    return _children(n) + f"@proceedings{{p, title = {{Proc}}, year = 2020, {fields}}}\n"


def _long_editors(n: int) -> str:
    editors = " and ".join(f"Family{i}, Given" for i in range(n))
    return _children(n) + f"@proceedings{{p, title = {{P}}, year = 2020, editor = {{{editors}}}}}\n"


def _long_title(n: int) -> str:
    title = " ".join(f"word{i}" for i in range(4 * n))
    return _children(n) + f"@proceedings{{p, title = {{{title}}}, year = 2020}}\n"


SHAPES: dict[str, Callable[[int], str]] = {
    "a parent of many fields": _wide_parent,
    "a parent of many editors": _long_editors,
    "a parent of a long title": _long_title,
}


@pytest.mark.usefixtures("small_budget")
@pytest.mark.parametrize("name", SHAPES)
def test_children_of_one_large_parent_cost_linear_time(name: str) -> None:
    ratio = growth(SHAPES[name], lambda text: parse_bibtex(text, "refs.bib"), 60)
    assert ratio < 24, f"{name}: 8x the file took {ratio:.0f}x the time"


@pytest.mark.usefixtures("small_budget")
def test_past_the_budget_children_keep_their_own_fields_and_one_problem_says_so() -> None:
    bibliography = parse_bibtex(_long_editors(1_000), "refs.bib")
    references = bibliography.references
    assert len(references) == 1_001
    first, last = references[0], references[-2]
    assert first.title == "Paper 0" and len(first.editors) == 1_000 and first.year == 2020
    assert last.title == "Paper 999" and last.editors == () and last.year is None
    cut = [p for p in bibliography.problems if "inherit" in p.message]
    assert len(cut) == 1, [p.message for p in bibliography.problems][:5]


def test_a_real_sized_proceedings_is_inherited_in_full() -> None:
    """Under the real budget: 320 papers of one proceedings of 20 editors."""
    bibliography = parse_bibtex(_long_editors(20) + _children(300, "d"), "r.bib")
    children = [r for r in bibliography.references if r.key != "p"]
    assert len(children) == 320
    assert all(len(r.editors) == 20 and r.year == 2020 for r in children)
    assert not bibliography.problems
