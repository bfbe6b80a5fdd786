"""A day and a month written beside a citation's year: "Ward and Osei (2011 May)",
"Ward and Osei (4 May 2011)", "(Ward & Osei, 4 May 2011)", "(Ward, May 4, 2011)".

Reports, web pages, newspapers and working groups' recommendations are dated to the
day, and writers copy the date into the citation (APA's entry gives "(2011, May 4)";
MEDLINE's "2011 May"). Read as names, the month made the group's names fail ("Ward &
Osei, 4 May") and a narrative's parenthesis was no year at all: the entry was
"never cited". The date's day and month are set aside and the year read.

A date beside names is as often an event's as a work's ("the storms hit Leyte and
Samar (4 May 2011)"), so a citation read through a date is WEAK: kept only when an
entry has those names and that year, never reported missing.

Linear: every pattern is anchored at a given place (the parenthesis' start, the year's
end) or at the end of a segment whose blanks are single, and its quantifiers are
bounded.
"""

from __future__ import annotations

import re

from citeaudit.manuscript.citations.names import word_set

MONTHS = word_set(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    janeiro fevereiro março maio junho julho agosto setembro outubro novembro dezembro
    enero febrero marzo abril mayo junio julio septiembre octubre noviembre diciembre
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    januar februar märz juli dezember
    """
)
_DAY = r"\d{1,2}(?:st|nd|rd|th|º|°)?\.?"
_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
# "4 May ", "May 4, ", "May ", "4 de maio de " before the year, from the parenthesis' start
_BEFORE_YEAR = re.compile(
    rf"(?:{_DAY}[ \t](?:de[ \t])?)?{_MONTH}(?:[ \t]{_DAY})?,?[ \t](?:de[ \t])?(?=\d{{4}})"
)
# " May", " May 4", ", May 4" after the year, to the parenthesis' end
_AFTER_YEAR = re.compile(rf",?[ \t]{_MONTH}(?:[ \t]{_DAY})?[ \t]*$")
# ", 4 May " at the end of a group's names, the year after it (blanks single)
_ENDING_NAMES = re.compile(rf"(?:^|(?<=[ ,]))(?:{_DAY} (?:de )?)?{_MONTH}(?: {_DAY})?,? ?(?:de )?$")


def date_before_year(text: str) -> int:
    """Where the year starts after a day and month opening `text` ("4 May 2011" -> 6);
    0 when `text` does not open so."""
    m = _BEFORE_YEAR.match(text)
    if m is None or m.group("month").casefold() not in MONTHS:
        return 0
    return m.end()


def date_after_year(tail: str) -> bool:
    """Whether what follows a year to the parenthesis' end is a month and a day
    ("2011 May", "2011, May 4")."""
    m = _AFTER_YEAR.match(tail)
    return m is not None and m.group("month").casefold() in MONTHS


def names_before_date(segment: str) -> int | None:
    """Where a day and month end a group's names after a comma ("Ward & Osei, 4 May "
    -> 13): the names are what stands before; None when the segment ends otherwise,
    holds nothing but the date, or the month may be a name."""
    m = _ENDING_NAMES.search(segment)
    if m is None or m.group("month").casefold() not in MONTHS:
        return None
    before = segment[: m.start()].rstrip()
    if not before.endswith(",") or not before.strip(" ,;:"):
        return None  # "(Lee and May 2011)": May is a co-author; "(May 2011)" no names
    if m.group(0).rstrip().endswith(",") and not any(ch.isdigit() for ch in m.group(0)):
        return None  # "(Lee, Mayo, 2011)": a name that is also a month, not a date
    return m.start()
