"""A person's life dates after their name, which look like a citation of a span of years."""

from __future__ import annotations

import re

from citeaudit.model.citation import Citation, CitationKind

# "Sander (1929-2015)" closing the item: a name, then two years in brackets
# (blanks read once, possessive: the two `\s*` around an optional ")" shared a run of
# blanks every way before a missing end failed -- n^2, though the item is cut to 40)
_SPAN = re.compile(r"\(\s*+((?:1[5-9]|20)\d\d)\s*+[-–—]\s*+((?:1[5-9]|20)\d\d)\s*+\)?\s*+$")
# "Nancy Adams 1969–1987", "MS (2001–2008)": a name, then two years, bracketed or not
_ANY_SPAN = re.compile(r"(?<![\w.])((?:1[5-9]|20)\d\d)\s?[-–—]\s?((?:1[5-9]|20)\d\d)\s?\)?\s?$")
# "Nancy Adams" (a given name, then the family name), or initials "MS", "JdS"
_GIVEN_THEN_FAMILY = re.compile(r"[A-Z][a-z]{2,12} [A-Z][a-z]{1,20}$|[A-Z][A-Za-z]?[A-Z]$")
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


def is_span_after_one_name(cit: Citation) -> bool:
    """Whether an unmatched citation is a person's name followed by a span of years.

    Why: "(Nancy Adams 1969–1987, Wendy Nelson 1987–2002)" and "research permits to
    MS (2001–2008)" give the years a person served, collected or held a permit: no
    work. A work in parts is cited by its author's family name and span ("Hegi
    (1906–1931)", "De Candolle (1824–1873)"), so only a name written as a person is
    addressed -- a given name before the family name, or two or three capitals of
    initials -- and then it is only possibly missing: a warning to look at, not a
    missing reference. Several names, or "et al.", read as a work's authors.
    """
    if cit.kind is not CitationKind.AUTHOR_YEAR or cit.et_al or len(cit.authors) != 1:
        return False
    if _GIVEN_THEN_FAMILY.match(cit.authors[0]) is None:
        return False
    found = _ANY_SPAN.search(cit.item[-40:])
    return found is not None and int(found.group(1)) < int(found.group(2))
