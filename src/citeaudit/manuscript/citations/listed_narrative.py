"""The citation a list-confirmed narrative name gives: "王伟等（2019）", "أكد القحطاني (2018)".

Readers for scripts with no capitals (`cjk_narrative`, `caseless_narrative`) cannot tell
a name from the words before it, so they read a name only where an entry of the cited
year opens with it. What they read is one kind of citation: narrative, named as the
list writes the author, and WEAK -- kept when an entry has it, never reported missing
(a name is read only where the list holds it, so a dropped entry leaves nothing to
report).
"""

from __future__ import annotations

import re

from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Certainty, Citation, CitationKind


def listed_narrative(
    document: Document, start: int, year: re.Match[str], name: str, *, et_al: bool
) -> Marker:
    """The marker from the name's `start` to the end of the parenthesised `year` (a
    `organisation_years.PAREN_YEAR` match), citing `name`."""
    text = document.text
    citation = Citation(
        id="",
        text=shown(text[start : year.end()]),
        location=document.location_at(start),
        kind=CitationKind.AUTHOR_YEAR,
        item=text[start : year.end()],
        authors=(name,),
        et_al=et_al,
        year=int(year.group("year")),
        year_suffix=year.group("suffix"),
        narrative=True,
        certainty=Certainty.WEAK,
    )
    return Marker(start, year.end(), (citation,))
