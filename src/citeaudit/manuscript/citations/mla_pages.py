"""MLA's author and page, with no year: "(Hartley 45)", "(Osei and Brandt 7-9;
Lindqvist et al. 220)", "(Quillan xii)".

Why: MLA never dates a citation. Before this reader only the uncited rule's fallback
knew the form (`rules.citations._cited_by_author_page`), and that rule reads only a
text whose citations the readers mostly missed: in a text that also cites some works
by author and year ("Moreno (2004) argues ...", a co-author's APA habit, a quoted
passage's own citation), most entries were read, the fallback switched itself off,
and every work cited MLA's way was "never cited".

What counts: a bracketed group whose every part is names (the parser's, so capitalised
and of a name's shape), a blank or a comma, and pages (digits, a range, a few of them,
or lower-case roman numerals), no year among them. The list must confirm the first
author: one entry opens with that family name among its first words, so "(Table 3)",
"(Psalm 23)" or "(ref. 12)" stay for the other readers (a numbered list's "(ref. 12)"
is the numeric reader's). Never in a text that speaks of specimens: a taxonomic
paper's "(Judd 5357)" is a collector's name and number, and collectors are authors.
Each work is WEAK with no year, as the other yearless citations are
(`author_year._yearless`): it counts only when one entry's authors fit it, so it can
never make a missing reference.

Linear: one bounded pattern per part (names are words of letters each opening with a
letter, the pages start with a digit or a roman numeral after one blank), the list's
openings folded once and held by word.
"""

from __future__ import annotations

import re

from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.citations.names import parse_names
from citeaudit.manuscript.citations.specimens import mentions_specimens
from citeaudit.manuscript.citations.title_words import title_words
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Certainty, Citation, CitationKind

_NAME_WORD = r"[^\W\d_][^\s\d()\[\];,:“”\"«»„]{0,40}+"
_PAGE = r"(?:\d{1,4}+(?:[ ]?[-–—][ ]?\d{1,4}+)?|[ivxlc]{1,7}+)"
_PART = re.compile(
    rf"[ ]*+(?P<names>{_NAME_WORD}(?:,?[ ](?!pp?\.){_NAME_WORD}){{0,7}}),?[ ]"
    rf"(?:pp?\.[ ]?)?(?P<pages>{_PAGE}(?:,[ ]?{_PAGE}){{0,5}})[ ]*+"
)
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)")
_MOST_PARTS = 12
# a bracketed group's text (no bracket inside: linear), for the years it writes
_BRACKETED = re.compile(r"\([^()\n]{1,400}\)")
_DATED_SHARE = 0.5
_OPENING_WORDS = 4  # words of an entry's opening its first author's family name is among
_OPENING = 120  # characters of an entry read for them


class ListedHeads:
    """The folded words that open the list's entries (built on first use: most
    manuscripts never ask); none in a text that speaks of specimens, where "(Judd
    5357)" and "(Couvreur 596)" are a collector's name and number
    (`specimens.mentions_specimens`) and the collector is often an author listed."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._words: frozenset[str] | None = None

    def heads(self, name: str) -> bool:
        """Whether an entry opens with `name`'s last word among its first words."""
        if self._words is None:
            document = self._document
            self._words = (
                frozenset()
                if mentions_specimens(document.text) or not _mostly_dated(document)
                else frozenset(
                    word
                    for entry in document.reference_entries
                    for word in title_words(entry.raw[:_OPENING]).split()[:_OPENING_WORDS]
                    if not word.isdigit()
                )
            )
        folded = title_words(name).split()
        return bool(folded) and folded[-1] in self._words


def _mostly_dated(document: Document) -> bool:
    """Whether the text writes years in brackets for at least `_DATED_SHARE` of its
    entries: then most works are read by their years and the uncited rule's fallback
    for author and page is off (`_cited_by_name_and_title.years_unread`), and this
    reader must take the form. A text cited MLA's way throughout is left to that
    fallback, which also reads the works named in the sentence and whose summary ("N of
    M entries never cited: citations probably not recognised") stands where a text's
    names alone cite ("(Nord)", "Freitas observes"): read by author and page only, such
    a text lost the summary to one false alarm per work named so."""
    entries = document.reference_entries
    # the list's own bracketed years ("Roe, A. (2001).") are no citations
    dated = _bracketed_years(document.text) - sum(_bracketed_years(e.raw) for e in entries)
    return bool(entries) and dated >= _DATED_SHARE * len(entries)


def _bracketed_years(text: str) -> int:
    return sum(len(_YEAR.findall(m.group())) for m in _BRACKETED.finditer(text))


def mla_paged(
    document: Document, m: re.Match[str], inner: str, heads: ListedHeads
) -> Marker | None:
    """The marker of "(Hartley 45; Osei and Brandt 7-9)" over `m` (module docstring),
    or None when a part is no author and page or the list names no such author."""
    parts = " ".join(inner.split()).split(";")
    if len(parts) > _MOST_PARTS:
        return None
    text = shown(document.text[m.start() : m.end()])
    location = document.location_at(m.start())
    citations: list[Citation] = []
    for part in parts:
        found = _PART.fullmatch(part)
        if found is None or _YEAR.search(found.group("pages")):
            return None
        parsed = parse_names(found.group("names"))
        if parsed is None:
            return None
        authors, et_al = parsed
        if not heads.heads(authors[0]):
            return None
        citations.append(
            Citation(
                id="",
                text=text,
                location=location,
                kind=CitationKind.AUTHOR_YEAR,
                item=part.strip(),
                authors=authors,
                et_al=et_al,
                certainty=Certainty.WEAK,
            )
        )
    return Marker(m.start(), m.end(), tuple(citations)) if citations else None
