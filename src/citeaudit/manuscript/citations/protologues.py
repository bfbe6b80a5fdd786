"""Botanical place-of-publication citations: "Astelia nana Carse, Trans. & Proc. New
Zealand Inst. 57: 91. 1926", "Funckia spicata Kuntze, Revis. Gen. Pl. 2: 711. 1891",
"Zoll. et Moritzi in Moritzi, Syst. Verz.: 35. 1846".

Taxonomic papers cite where a name was published as the International Code of
Nomenclature prescribes: the author, the abbreviated periodical or book, the volume,
the page and the year, with no parenthesis. The work is often in the reference list
(the protologue), and, read by no other syntax, its entry was "never cited". Such a
citation names no work on its own terms -- the author of a name is not always the
author of an entry -- so each is WEAK: `citeaudit.matching.citations` keeps it only
when one entry has that author and year, and never reports it as missing. Its
`Citation.command` is `PROTOLOGUE`, so the matcher may take its authors as the
abbreviations the Code allows ("Humb. & Bonpl." for Humboldt and Bonpland).

Linear: one pattern whose every repetition is bounded and separated by a mandatory
character (a blank after each abbreviated word), tried only where a comma follows a
capitalised word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.citations.years import YearLabel
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Certainty, Citation, CitationKind

# "Carse, Trans. & Proc. New Zealand Inst. 57: 91. 1926": the author (the last word of
# an "X in Y" authority, both of "Humb. & Bonpl.", a compound "Dumont de Courset" whole:
# its last word alone is no entry's family name), a comma, up to ten words of the
# publication's abbreviated title, a volume (and issue) and page, a full stop and the year.
_PROTOLOGUE = re.compile(
    r"(?<![\w.])(?:(?P<first>[A-ZÀ-Þ][^\W\d_]{1,30}+)\.?[ \t]++(?:&|et)[ \t]++)?"
    # a compound name: its first word and particle, "Dumont de Courset", "Saint du Lac"
    r"(?P<lead>[A-ZÀ-Þ][^\W\d_]{1,30}+[ \t]++(?:d[eiao]|d[eo]s|das|du|del|della|van|von|la|le)"
    r"[ \t]++)?"
    r"(?P<name>[A-ZÀ-Þ][^\W\d_]{2,30}+)\.?"
    r",[ \t]++(?P<title>[A-ZÀ-Þ&(][^\s,;:]{0,30}+(?:[ \t]++[A-ZÀ-Þ&(][^\s,;:]{0,30}+){0,9}?)"
    r"(?:[ \t]++\d{1,4}+(?:\([\w\-–]{1,8}\))?)?[ \t]?:[ \t]?\d{1,5}+(?:[-–]\d{1,5}+)?\.[ \t]++"
    r"(?P<year>1[5-9]\d\d|20[0-3]\d)(?![\w/–-])"
)


PROTOLOGUE = "protologue"  # Citation.command of a place-of-publication citation


class ProtologueExtractor(CitationExtractor):
    syntax: ClassVar[str] = "protologue"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        text = document.text
        if ":" not in text:
            return  # every protologue has its volume's colon: a page without one is not scanned
        for m in _PROTOLOGUE.finditer(text):
            title = m.group("title")
            if "." not in title:
                continue  # an abbreviated title has full stops: "Bot. Mag.", "Syst. Verz."
            year = int(m.group("year"))
            label = YearLabel(year, None, False, m.group("year"))
            name = (m.group("lead") or "") + m.group("name")
            names = (m.group("first"), name) if m.group("first") else (name,)
            citation = Citation(
                id="",
                text=shown(m.group()),
                location=document.location_at(m.start()),
                kind=CitationKind.AUTHOR_YEAR,
                item=f"{' & '.join(names)}, {label.text}",
                authors=names,
                year=label.year,
                certainty=Certainty.WEAK,
                command=PROTOLOGUE,
            )
            yield Marker(m.start(), m.end(), (citation,))
