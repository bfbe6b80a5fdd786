"""Equation numbers in parentheses are no citations where the text numbers its equations.

A paper that writes "equation (6)" and "Eqs. (3) and (4)" refers to its equations as
"(1)", "from (9)", "inserting (1) and (2)" too; over an unnumbered (author-year) list
those numbers cited the entries of that position, and truly uncited entries were
counted cited. Every input here is made up.
"""

from __future__ import annotations

from citeaudit.manuscript.citations import NumericExtractor
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.location import Location


def _doc(body: str, entries: list[str]) -> Document:
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(body.split("\n"), start=1))
    raws = tuple(RawEntry(e, Location("p.md", 100 + k), e) for k, e in enumerate(entries, start=1))
    return Document("p.md", "markdown", lines, reference_entries=raws)


def _numbers(document: Document) -> list[int | None]:
    return [c.number for m in NumericExtractor().markers(document) for c in m.citations]


_AUTHOR_YEAR = [f"ROE A & POE B. {2000 + k}. Title {k}. J Ex {k}: 1-9." for k in range(1, 12)]
_NUMBERED = [f"{k}. Roe A. Title {k}. J Ex. 2001;{k}:1-9." for k in range(1, 12)]
_TEXT = (
    "The family follows by inserting (1) and (2) in equations (3) and (4). From (9) we "
    "obtain the moments, and differentiating (6) gives the score (Roe & Poe 2003)."
)


def test_equation_references_over_an_unnumbered_list_cite_nothing() -> None:
    assert _numbers(_doc(_TEXT, _AUTHOR_YEAR)) == []


def test_over_a_numbered_list_only_the_named_equations_are_refused() -> None:
    body = (
        "Risk rose with age (2). Sex mattered (8), as did income (9,10). The model, "
        "equation (3), fits (3); see Eqs. (5)-(6) and (7). Smoking adds risk (1)."
    )
    assert _numbers(_doc(body, _NUMBERED)) == [2, 8, 9, 10, 1]


def test_without_named_equations_parenthesised_numbers_still_cite() -> None:
    body = "Risk rose with age (2). Gene expression (3) and infant formula (4) differ (5,6)."
    assert _numbers(_doc(body, _NUMBERED)) == [2, 3, 4, 5, 6]
