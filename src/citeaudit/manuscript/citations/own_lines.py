"""The manuscript's own short dated lines (its headings), to tell a pointer to a part
of the manuscript from a citation.

Reporting checklists (TRIPOD, CONSORT, PRISMA) name, for each item, the section that
answers it: "Discussion (External Validation on EXS 2022)". A section title holding a
year reads as names and a year; a parenthesis repeating a whole line of the manuscript
-- a heading, written elsewhere on a line of its own -- points to that part and cites
nothing (class ST of the fifth survey: a key-cited text got a "missing" citation).
"""

from __future__ import annotations

import re

from citeaudit.manuscript.document import Document

# Markdown's heading marks and a section number before the title ("## 4.2 ", "3. "),
# emphasis and closing hashes after it.
_HEADING_MARKS = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+)?(?:\d{1,3}(?:\.\d{1,3})*\.?[ \t]+)?")
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20[0-3]\d)(?!\d)")
_LONGEST = 120  # a heading's length at most; longer lines are prose
# What joins a citation's names or parts: a line holding one ("Roe et al., 2019", a
# table cell "Roe and Poe 2019") may be a citation of its own, never taken for a title.
_CITATION_JOINS = re.compile(r"[,;&()\[\]]|\bet al\b|\band\b", re.IGNORECASE)
_FEWEST_WORDS = 3  # a title's words with its year: "Cohort 2019" alone may be names


def _normal(text: str) -> str:
    words = text.replace("*", " ").replace("_", " ").split()
    return " ".join(words).strip(" #.:").casefold()


class OwnLines:
    """The normalised short lines of a document that hold a year, built on first use:
    most documents never ask."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._lines: frozenset[str] | None = None

    def _built(self) -> frozenset[str]:
        if self._lines is None:
            found: set[str] = set()
            for line in self._document.lines:
                text = line.text
                if len(text) > _LONGEST or _YEAR.search(text) is None:
                    continue
                title = _normal(text[_HEADING_MARKS.match(text).end() :])  # type: ignore[union-attr]
                if len(title.split()) >= _FEWEST_WORDS and not _CITATION_JOINS.search(title):
                    found.add(title)
            self._lines = frozenset(found)
        return self._lines

    def names_a_line(self, inner: str) -> bool:
        """Whether the parenthesis' text is a whole line of the manuscript (its own
        heading) once marks, numbers, emphasis and letter case are set aside."""
        if len(inner) > _LONGEST:
            return False
        lines = self._built()
        # most manuscripts have no such line: a one-line page asked this of each of its
        # 190,000 groups, normalising every one to look in an empty set
        return bool(lines) and _normal(inner) in lines
