"""An enumeration whose "(1)" ends a printed line is still an enumeration.

A PDF gives its paragraphs line by line, and a narrow column often breaks right after
an item's number: "the model makes the following assumptions: (1)" / "mutations arise
at Poisson times, (2) each ...". `numeric._opens_clause` wanted a space after "(1)",
so the line break made it no enumeration and "(1)" counted as a round-bracket
citation -- in a bracket-citing paper whose round brackets otherwise tie with its
square ones (equation references "(11)", "(17)"), that one count made round brackets
its style, and equation numbers past the list's end "(21)", "(22)" were reported as
missing references (the fresh corpus in two columns, benches/pdf.py). Made-up text."""

from __future__ import annotations

from citeaudit.manuscript.citations.numeric import NumericExtractor
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.location import Location


def _document(body: list[str]) -> Document:
    entries = [f"{k}. Quorrel A. Invented work {k}. Made-up J. 2001;{k}:1-9." for k in range(1, 7)]
    lines = tuple(Line("paper.pdf", i + 1, text, page=1) for i, text in enumerate(body))
    raw = tuple(
        RawEntry(text=text, location=Location("paper.pdf", k + 1, page=2), raw=text)
        for k, text in enumerate(entries)
    )
    return Document("paper.pdf", "pdf", lines, reference_entries=raw)


# a paper citing in round brackets; its enumeration's "(1)" ends the first line
LINE_END = [
    "Selection leaves marks in a genome (4), in its codons (5) and in its spectra (6).",
    "",
    "Their model makes the following assumptions: (1)",
    "mutations arise at Poisson times, (2) each mutation occurs at a new site, and (3)",
    "each mutant follows its own process, as shown before (4, 5).",
]


def _cited(body: list[str]) -> set[str]:
    return {c.text for c in NumericExtractor().extract(_document(body))}


def test_an_item_number_ending_its_line_opens_a_clause() -> None:
    cited = _cited(LINE_END)
    assert {"(4)", "(5)", "(6)", "(4, 5)"} <= cited
    assert not {"(1)", "(2)", "(3)"} & cited


def test_the_same_enumeration_on_one_line_is_the_control() -> None:
    cited = _cited([LINE_END[0], "", " ".join(LINE_END[2:])])
    assert {"(4)", "(5)", "(6)", "(4, 5)"} <= cited
    assert not {"(1)", "(2)", "(3)"} & cited


def test_a_citation_ending_its_line_still_cites() -> None:
    # no "(2)" follows: "(1)" at a line's end keeps its reading as a citation
    cited = _cited([LINE_END[0], "", "Selection leaves marks (1)", "in the genome too."])
    assert "(1)" in cited
