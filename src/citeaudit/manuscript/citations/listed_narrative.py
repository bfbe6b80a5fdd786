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
from collections.abc import Iterator

from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.citations.organisation_years import PAREN_YEAR
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


def names_before_years(
    text: str, look_back: int, et_al_before: re.Pattern[str], run_before: re.Pattern[str]
) -> Iterator[tuple[re.Match[str], re.Match[str] | None, re.Match[str]]]:
    """Each parenthesised year of `text` with the "et al." just before it (or None)
    and the run of letters before that (`run_before`, searched back at most
    `look_back` characters): where the reader then looks for a listed name."""
    for year in PAREN_YEAR.finditer(text):
        low = max(0, year.start() - look_back)
        et_al = et_al_before.search(text, low, year.start())
        name_end = et_al.start() if et_al else year.start()
        run = run_before.search(text, low, name_end)
        if run is not None:
            yield year, et_al, run
