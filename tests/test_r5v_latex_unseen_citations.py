"""Where LaTeX citations stand in text that never prints (`latex_unseen`): white text,
a phantom, a macro's dropped argument. Blanked, they were not read, and nothing said
so -- while BibTeX, reached through the ``.aux``, may still print their entries."""

from __future__ import annotations

from citeaudit.manuscript.latex_unseen import (
    blank_unseen,
    unseen_citation_lines,
    unseen_citation_message,
)


def test_citations_blanked_as_unseen_are_found_by_line() -> None:
    written = [
        "\\newcommand{\\hide}[1]{}",
        "Shown \\cite{lee}.",
        "Hidden \\textcolor{white}{\\citep{smith}} here.",
        "\\phantom{\\cite{roe}} and \\hide{\\citeauthor{kay}}",
        "\\textcolor{white}{no citation}",
        "\\textcolor{white}{\\nocite{all}}",
    ]
    shown = blank_unseen(written)
    assert unseen_citation_lines(written, shown) == [3, 4]


def test_nothing_blanked_nothing_found() -> None:
    written = ["Shown \\cite{lee}.", "\\textcolor{red}{\\cite{smith}}"]
    assert unseen_citation_lines(written, blank_unseen(written)) == []


def test_the_message_names_the_first_line_and_counts_the_rest() -> None:
    assert unseen_citation_message([3]).startswith("line 3: a citation stands in text")
    assert unseen_citation_message([3, 4, 9]).startswith("line 3 (and on 2 more line(s)):")
