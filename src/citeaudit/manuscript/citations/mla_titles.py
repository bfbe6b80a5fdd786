"""MLA's author, unquoted short title and page: "(Roe, Lean Depots 4-5)", "(Roe, *Stock
in Depots* 12)" (class MU, issue 12).

MLA dates nothing in the text; when the list holds two works of one author, the
citation names the work by a short title -- quoted for an article, in italics for a
book, and often typed plain. The quoted form is read (`author_year._MLA_TITLED`); the
others were not: with no year, no quotes and a page after the title, no reader took the
parenthesis, and both works were "never cited" (the author's page rule cannot tell two
works of one author apart).

A parenthesis holding names, a comma, a capitalised title of at most `_MOST_WORDS`
words and a page is read when the list confirms it: one entry whose opening names the
author holds the title's words. The citation names the author with that entry's year
(the title chose the work, as an editor reads it) and is WEAK: kept when one entry has
that name and year. Read by the author alone, with no year, it linked one of Roe's two
works whichever the title named. A parenthesis the list does not confirm ("(Brasil,
Table 3)", "(Lee, Fig 2)"), or confirms twice, is no citation.

Linear: one bounded pattern per parenthesis, the list's openings folded once and looked
up by the author's folded name.
"""

from __future__ import annotations

import re

from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.citations.names import parse_names
from citeaudit.manuscript.citations.title_words import title_words
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Certainty, Citation, CitationKind

# names (no digit, comma or quote), a comma, a capitalised title (no digit, comma or
# quote), a page or a range; the parts cannot take each other's characters: linear
_PLAIN = re.compile(
    r"[ ]*+(?P<names>[^\W\d_][^\d()\[\];,:“”\"«»„]{1,60}+),[ ]*+"
    r"(?P<title>[^\W\d_a-z][^\d()\[\];,:“”\"«»„]{0,100}+)"
    r"(?:,[ ]*+)?(?:pp?\.[ ]?)?\d{1,4}(?:[ ]?[-–][ ]?\d{1,4})?[ ]*+"
)
_MOST_WORDS = 8
_OPENING = 300  # characters of an entry that hold its authors and title


_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20[0-3]\d)(?!\d)")
_LOOKED_AT = 64  # entries holding the author's name compared at most


class ListedTitles:
    """The list's entries' openings, folded, by each folded word in them, with each
    entry's first year (built on first use: most manuscripts never ask)."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._by_word: dict[str, list[tuple[str, int | None]]] | None = None

    def year_of(self, name: str, title: str) -> tuple[bool, int | None]:
        """(whether one entry's opening holds the author's `name` and the `title`'s
        words, that entry's first year)."""
        if self._by_word is None:
            self._by_word = {}
            for entry in self._document.reference_entries:
                head = entry.raw[:_OPENING]
                opening = f" {title_words(head)} "
                year = _YEAR.search(head)
                held = (opening, int(year.group()) if year else None)
                for word in set(opening.split()):
                    self._by_word.setdefault(word, []).append(held)
        folded = title_words(name).split()
        cited = f" {title_words(title)} "
        if not folded or not cited.strip():
            return False, None
        found = [
            year
            for opening, year in self._by_word.get(folded[-1], [])[:_LOOKED_AT]
            if cited in opening
        ]
        return (True, found[0]) if len(found) == 1 else (False, None)


def mla_plain(
    document: Document, m: re.Match[str], inner: str, listed: ListedTitles
) -> Marker | None:
    """The marker of "(Roe, Lean Depots 4-5)" over `m` (module docstring), or None."""
    found = _PLAIN.fullmatch(inner)
    if found is None:
        return None
    words = found.group("title").split()
    if words and words[-1] in ("p.", "pp."):
        words.pop()  # "(Roe, Lean Depots p. 4)": the page's word
    title = " ".join(words).rstrip(" ,")
    if not words or len(words) > _MOST_WORDS:
        return None
    parsed = parse_names(found.group("names"))
    if parsed is None:
        return None
    authors, et_al = parsed
    confirmed, year = listed.year_of(authors[0], title)
    if not confirmed:
        return None
    citation = Citation(
        id="",
        text=shown(document.text[m.start() : m.end()]),
        location=document.location_at(m.start()),
        kind=CitationKind.AUTHOR_YEAR,
        item=" ".join(inner.split()),
        authors=authors,
        et_al=et_al,
        year=year,
        certainty=Certainty.WEAK,
    )
    return Marker(m.start(), m.end(), (citation,))
