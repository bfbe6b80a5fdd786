"""A year and a page with no name: ``“...” (2016, p. 126)``, the author named before.

Humanities writing (ABNT, Chicago author-date) names the author in the sentence --
"Para Hadot, ..." or "Barthes writes that" -- and after the quotation gives only the
year and the page. The citation belongs to the nearest name before it that heads an
entry of the manuscript's own list. Such a citation is WEAK: it counts only when an
entry has that name and year, and a year with a page and no listed name before it is
never reported missing (it may be a date, an edition, a law).

The name chosen is the nearest one before the parenthesis that heads an entry *of that
year* ("Lima ... povo Krenak ... (2012, p. 41)" cites Lima 2012, not Krenak: the
quotation names other people on the way); only when no listed name has that year does
the nearest listed name stand (so that a wrong year is still read as that author's). A
quotation set off as its own paragraph after a lead-in ending in a comma or colon
("Para Coelho," / the quotation / "(2000, p. 27)") is read back into the lead-in: the
look-back crosses that one paragraph break, never one after a finished sentence.

Only a parenthesis holding a year *and* a page locator is read: a bare "(2016)" is as
often a date. The look-back is bounded (`_LOOKBACK` characters, never past the start
of the paragraph), so a one-line manuscript costs the same per marker as a short one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Certainty, Citation, CitationKind

_YEAR_PAGE = re.compile(
    r"\((?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>[a-z])?,\s*"
    r"(?:pp?|p[áa]gs?|s|S)\.\s?\d[^()\n]{0,30}\)"
)
_CAPITALISED = re.compile(r"(?<![\w’'-])[^\W\d_][^\W\d_’'-]*(?:[-’'][^\W\d_]+)*")
# possessive: each run of spaces has one reading ("-", 20,000 spaces and "1" took 8 s)
_ENTRY_HEAD = re.compile(r"^\s*+(?:[-*+•]\s++|\[\d+\]\s*+|\d+[.)]\s++)?[*_\s]*+([^\W\d_]+)")
# A quotation of three lines sits between the name and the year ("Barthes ... ao afirmar
# que “...” (1987, p. 19)": 330 characters); 600 still bounds the cost per marker.
_LOOKBACK = 600
_YEARS_IN_ENTRY = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def _folded(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class YearOnlyExtractor(CitationExtractor):
    syntax: ClassVar[str] = "year-only"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        """The markers, yielded as found (`extract_at_most` holds only those it keeps)."""
        heads: dict[str, set[int]] = {}
        for e in document.reference_entries:
            if (m := _ENTRY_HEAD.match(e.raw)) and len(m.group(1)) > 1:
                years = heads.setdefault(_folded(m.group(1)), set())
                years.update(int(y) for y in _YEARS_IN_ENTRY.findall(e.raw))
        if not heads:
            return
        text = document.text
        for m in _YEAR_PAGE.finditer(text):
            start = m.start()
            low = max(start - _LOOKBACK, 0)
            window = _window(text, low, start)
            year = int(m.group("year"))
            listed = [
                w.group()
                for w in reversed(list(_CAPITALISED.finditer(window)))
                if w.group()[0].isupper() and _folded(w.group()) in heads
            ]
            name = next((n for n in listed if year in heads[_folded(n)]), None)
            if name is None and listed:
                name = listed[0]
            if name is None:
                continue
            yield weak_year_marker(document, m, name, year)


def weak_year_marker(document: Document, m: re.Match[str], name: str, year: int) -> Marker:
    """A year alone read as `name`'s work of that year: WEAK, so it can take an entry
    out of "never cited" and never report a work missing (this reader's and the linked
    year's, `linked_years`)."""
    suffix = m.group("suffix")
    citation = Citation(
        id="",
        text=shown(m.group()),
        location=document.location_at(m.start()),
        kind=CitationKind.AUTHOR_YEAR,
        item=f"{name}, {year}{suffix or ''}",
        authors=(name,),
        year=year,
        year_suffix=suffix,
        certainty=Certainty.WEAK,
    )
    return Marker(m.start(), m.end(), (citation,))


def _window(text: str, low: int, start: int) -> str:
    """The text before a marker that may name its author: back to the paragraph's start,
    or across one break when the paragraph before ends in a comma or colon (the lead-in
    of a quotation set off on its own), never before `low`."""
    paragraph = text.rfind("\n\n", low, start)
    if paragraph < 0:
        return text[low:start]
    lead_in = text[low:paragraph].rstrip(" \t\n>*_")
    if lead_in.endswith((",", ":")):
        previous = text.rfind("\n\n", low, paragraph)
        return text[previous + 2 if previous >= 0 else low : start]
    return text[paragraph + 2 : start]
