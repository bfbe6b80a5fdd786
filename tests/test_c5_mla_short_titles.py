"""MLA's author, unquoted short title and page (class MU, issue 12): "(Roe, Lean
Depots 4-5)", "(Roe, *Stock in Depots* 12)", "(Roe, Sheds and Yards 7)". With two works
of one author in the list, MLA names the work by a short title; in italics or plain,
no reader took the parenthesis and both works were "never cited". Made-up works.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.citations.author_year import AuthorYearExtractor
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.citation import Certainty
from citeaudit.model.location import Location
from tests.verdicts import markdown_verdict

_ENTRIES = [
    "Roe, Ann. *Stock in Depots*. Example Press, 2001.",
    "Roe, Ann. *Lean Depots*. Example Press, 2004.",
    "Roe, Ann. *Sheds and Yards*. Example Press, 2008.",
    "Brasil, Ana. *Tables of Stock*. Example Press, 2009.",
]


def _doc(body: str) -> Document:
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(body.split("\n"), start=1))
    raws = tuple(RawEntry(e, Location("p.md", 100 + k), e) for k, e in enumerate(_ENTRIES, start=1))
    return Document("p.md", "markdown", lines, reference_entries=raws)


@pytest.mark.parametrize(
    ("body", "year"),
    [
        ("Depots matter (Roe, *Stock in Depots* 12).", 2001),
        ("Depots matter (Roe, Lean Depots 4-5).", 2004),
        ("Depots matter (Roe, Lean Depots, p. 4).", 2004),
        ("Depots matter (Roe, Sheds and Yards 7).", 2008),
        ("Depots matter (Roe, _Stock in Depots_ 3–4).", 2001),
    ],
)
def test_an_author_and_a_listed_short_title_cite_that_work(body: str, year: int) -> None:
    (cit,) = AuthorYearExtractor().extract(_doc(body))
    assert (cit.authors, cit.year, cit.certainty) == (("Roe",), year, Certainty.WEAK)


@pytest.mark.parametrize(
    "body",
    [
        "Stock rose (Brasil, Table 3).",  # no entry of Brasil holds "Table"
        "Stock rose (Roe, Figure 2).",
        "Stock rose (Roe, Depots 12).",  # two of Roe's titles hold "Depots"
        "Stock rose (Lee, Lean Depots 4).",  # no entry of Lee
    ],
)
def test_a_title_the_list_does_not_confirm_is_no_citation(body: str) -> None:
    assert AuthorYearExtractor().extract(_doc(body)) == []


def test_each_of_two_works_of_one_author_is_cited(tmp_path: Path) -> None:
    text = (
        "Depots matter (Roe, *Stock in Depots* 12), though lean ones differ (Roe, Lean "
        "Depots 4-5). Others agree (Lind 14; Pardo 22; Moura 3).\n\n# Works Cited\n\n"
        "Roe, Ann. *Stock in Depots*. Example Press, 2001.\n\n"
        "Roe, Ann. *Lean Depots*. Example Press, 2004.\n\n"
        "Lind, Al. *One Depot*. Example Press, 2002.\n\n"
        "Pardo, Al. *Two Depots*. Example Press, 2003.\n\n"
        "Moura, Al. *Three Depots*. Example Press, 2005.\n\n"
        "Zed, Cy. *Never Cited*. Example Press, 2010.\n"
    )
    uncited, missing = markdown_verdict(tmp_path, text, 4)
    assert uncited == {"Zed,"} and missing == set()
