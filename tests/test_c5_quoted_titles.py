"""A work with no author cited by its quoted title alone, "(“Harbour Tools Manual”)"
(class QT, issue 12).

citeproc's author-date styles put an author-less work's title in the author's place,
quoted, and print no date when the entry has none: the parenthesis holds the quoted
title and nothing else. No reader took it (no year, no name), and the entry was "never
cited". Made-up titles and works.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.citations.titles import TITLE
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.citation import Certainty
from citeaudit.model.location import Location
from tests.verdicts import markdown_verdict

_LIST = (
    "# References\n\n"
    "“Harbour Tools Manual.” 2015. http://tools.example.org/.\n\n"
    "“Quaytest.” http://quaytest.example.org/.\n\n"
    "Roe, Ann. 2001. *Stock in Depots*. P.\n\n"
    "Lind, Al. 2002. *One*. P.\n\n"
    "Pardo, Al. 2003. *Two*. P.\n\n"
    "Moura, Al. 2004. *Three*. P.\n\n"
    "Zed, Cy. 2010. *Never Cited*. P.\n"
)
# the text cites most of the list otherwise: an editor reads each citation form alone
_OTHERS = " Depots are studied (Lind 2002; Pardo 2003; Moura 2004)."


def _doc(body: str, entries: list[str]) -> Document:
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(body.split("\n"), start=1))
    raws = tuple(RawEntry(e, Location("p.md", 100 + k), e) for k, e in enumerate(entries, start=1))
    return Document("p.md", "markdown", lines, reference_entries=raws)


@pytest.mark.parametrize(
    "body",
    [
        "Tests run under the manual (“Harbour Tools Manual”).",
        'Tests run under the manual ("Harbour Tools Manual.").',
        "Tests run under the manual ( “Harbour tools manual” ).",
    ],
)
def test_a_quoted_title_alone_in_a_parenthesis_is_read(body: str) -> None:
    doc = _doc(body, ["“Harbour Tools Manual.” 2015. http://tools.example.org/."])
    (cit,) = extract_citations(doc)
    assert cit.command == TITLE and cit.certainty is Certainty.WEAK
    assert cit.authors[0].casefold() == "harbour tools manual"


@pytest.mark.parametrize(
    "body",
    [
        "He called it a (“harbour of tools”) and left.",  # no entry opens so
        "The word (“Manual”) is a gloss.",  # a word of the title, not its opening
        "Roe wrote (“Stock”) in her book.",  # an author's entry: no title opens it
    ],
)
def test_a_quoted_phrase_no_entry_opens_with_is_no_citation(body: str) -> None:
    doc = _doc(
        body,
        [
            "“Harbour Tools Manual.” 2015. http://tools.example.org/.",
            "Roe, Ann. 2001. *Stock in Depots*. P.",
        ],
    )
    assert extract_citations(doc) == ()


def test_an_authorless_entry_cited_by_its_quoted_title_is_cited(tmp_path: Path) -> None:
    text = (
        "Tests follow the manual (“Harbour tools manual”) and Roe (2001)."
        + _OTHERS
        + "\n\n"
        + _LIST.replace("“Quaytest.” http://quaytest.example.org/.\n\n", "")
    )
    uncited, missing = markdown_verdict(tmp_path, text, 8)
    assert uncited == {"Zed, Cy."} and missing == set()


def test_a_one_word_quoted_title_cites_its_entry(tmp_path: Path) -> None:
    text = (
        "Tests run under Quaytest (“Quaytest”) and Roe (2001)."
        + _OTHERS
        + "\n\n"
        + _LIST.replace("“Harbour Tools Manual.” 2015. http://tools.example.org/.\n\n", "")
    )
    uncited, missing = markdown_verdict(tmp_path, text, 8)
    assert uncited == {"Zed, Cy."} and missing == set()
