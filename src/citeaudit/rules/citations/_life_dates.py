"""A person's life dates after their name, which look like a citation of a span of years."""

from __future__ import annotations

import re

from citeaudit.model.citation import Citation, CitationKind

# "Sander (1929-2015)" closing the item: a name, then two years in brackets
_SPAN = re.compile(r"\(\s*((?:1[5-9]|20)\d\d)\s*[-–—]\s*((?:1[5-9]|20)\d\d)\s*\)?\s*$")
# a life is 20 to 110 years long; a work published in parts rarely spans that long
_SHORTEST, _LONGEST = 20, 110


def are_life_dates(cit: Citation) -> bool:
    """Whether an unmatched citation is one person's name and life dates.

    Why: "the late Klaus Hartmann (1929–2015)", "the botanist Vera Lind (1841–1924)"
    name a person, not a work; reported as missing references they cried wolf on
    published articles (obituaries, eponyms, histories of a field). Only one name
    without "et al." and a span as long as a life count; a multi-volume work cited
    by its span ("Tutin et al. (1964–1980)") is shorter and most often has its entry.
    """
    if cit.kind is not CitationKind.AUTHOR_YEAR or cit.et_al or len(cit.authors) != 1:
        return False
    found = _SPAN.search(cit.item[-40:])
    if found is None:
        return False
    return _SHORTEST <= int(found.group(2)) - int(found.group(1)) <= _LONGEST
