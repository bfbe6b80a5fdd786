"""A year linked alone, its author named before: ``[Black 1963](#CR1) ... [2008](#CR10)``.

A page converted to Markdown links each citation to its entry, and where the author
wrote the name once for two works ("Black (1963) and later (2008)", "Black 1963,
2008" split by other words) the second link holds the year only. The author-year
reader reads a year beside a name or inside a group; a year linked alone further on
was read by no one, and its entry was called "never cited" though the page links it.

The link says the year is a citation; the name is the nearest one before it, in the
same paragraph, that heads an entry *of that year* (as `year_only` does for a year and
a page). A linked year with no such name before it is no citation here: it may be a
link to a table, a figure or a date. Such a citation is WEAK (linked when an entry
has that name and year, never reported missing), so it can only take an entry out of
the "never cited" findings, never add one.

The pattern is bounded on each part and the look-back on each marker, so the cost is
linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker
from citeaudit.manuscript.citations.year_only import (
    _CAPITALISED,
    _ENTRY_HEAD,
    _LOOKBACK,
    _YEARS_IN_ENTRY,
    _folded,
    _window,
    weak_year_marker,
)
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Citation

# "[2008](#CR10)", "[**2008a**](#b12)", "[*2008*](#ref-black2008)": a link to an anchor
# in the page whose label is a year alone (with its letter), emphasis allowed.
_LINKED_YEAR = re.compile(
    r"(?<![\w\]])\[(?P<mark>[*_]{0,2})(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>[a-z])?"
    r"(?P=mark)\]\(#[^()\s\[\]]{1,200}\)"
)


class LinkedYearExtractor(CitationExtractor):
    syntax: ClassVar[str] = "linked-year"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        """The markers, yielded as found."""
        text = document.text
        if "](#" not in text:
            return
        heads: dict[str, set[int]] = {}
        for e in document.reference_entries:
            if (m := _ENTRY_HEAD.match(e.raw)) and len(m.group(1)) > 1:
                years = heads.setdefault(_folded(m.group(1)), set())
                years.update(int(y) for y in _YEARS_IN_ENTRY.findall(e.raw))
        if not heads:
            return
        for m in _LINKED_YEAR.finditer(text):
            start = m.start()
            year = int(m.group("year"))
            window = _window(text, max(start - _LOOKBACK, 0), start)
            name = next(
                (
                    w.group()
                    for w in reversed(list(_CAPITALISED.finditer(window)))
                    if w.group()[0].isupper() and year in heads.get(_folded(w.group()), ())
                ),
                None,
            )
            if name is None:
                continue
            yield weak_year_marker(document, m, name, year)
