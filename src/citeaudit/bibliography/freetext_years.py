"""Which four-digit number of a free-text entry is its year.

Why: page ranges ("pp. 1505-1512"), volumes ("Methods Mol Biol 1505:151-166"), article
numbers ("Int J Mol Sci 18:1886") and years in a journal's name ("J Am Pharm Assoc
(2003). 2008;48(3)") are four-digit numbers too. Read as the entry's year, each makes
citeaudit report a year mismatch on a citation that is right. So every candidate is
ranked by the place it stands in, and a number in a locator's place is taken only when
the entry has no other:

1. the date of a Vancouver locator: the year just before ";volume" or before a month
   and ";" ("2017;12(3):1505-12", "2008 May-Jun; 48(3)");
2. a year in parentheses ("(2014)");
3. any other year standing alone, a full date's year ("03-06-2020"), a year glued
   to the journal before a Vancouver locator ("Diabetes Care2004;27"), or run onto the
   sentence before it ("Springer.2000.", "(NISO-RP-8-2008).2008."), a copyright year
   ("IBGE; c2017 [cited ...]", "© 2019");
4. a year inside a phrase: after or before a lower-case word with no punctuation
   between ("production from 1980 to 2015", "De 1969 a 2019: um percurso", "targets
   towards 2030", "Aus bus Linnaeus, 1758 in Brazil"): a title's date, taken only when
   the entry has no better-placed year;
5. last, a number in a locator's place: after "pp."/"p."/"vol."/"no."/"S.", after a
   volume's colon ("25:1754"), or itself a volume before ":pages" ("1855:50-60").

Numbers inside ranges ("1999-2004", "1505-1512") and longer numbers ("e81754") are
no candidates at all. One pass of one pattern: linear on any input (issue 11).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citeaudit.bibliography.freetext_patterns import _MAX_YEAR, _MONTH, _YEAR
from citeaudit.bibliography.freetext_vocab import (
    FOREIGN_MONTH_NAMES,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
)

__all__ = ["YearCandidate", "in_journal_qualifier", "pick_year", "year_candidates"]

VANCOUVER_DATE, PARENTHESISED, PLAIN, IN_PHRASE, LOCATOR = 0, 1, 2, 3, 4


@dataclass(frozen=True, slots=True)
class YearCandidate:
    """A four-digit number that may be the entry's year, and the rank of its place."""

    year: int
    suffix: str | None
    start: int
    rank: int


_CANDIDATE = re.compile(
    rf"\(\s*(?P<py>{_YEAR})(?P<ps>[a-z])?\s*\)"
    # "(1986–87)", "(1960-1966)": a span of years in brackets, dated by its first (only
    # when the entry has no other year: a title's period looks the same)
    rf"|\(\s*(?P<ry>{_YEAR})\s*[-–]\s*(?:{_YEAR}|\d\d)\s*\)"
    # "03-06-2020", "3.6.2020", "03/06/2020": a full date's year
    rf"|(?<![\w\-–—/.])\d{{1,2}}(?P<sep>[-/.])\d{{1,2}}(?P=sep)(?P<dy>{_YEAR})(?![\w\-–/]|\.\d)"
    # "Diabetes Care2004;27(9)": glued to the journal before a Vancouver locator
    rf"|(?<=[a-z])(?P<gy>{_YEAR})(?=;\s?\d)"
    # "2011/1979": the edition's year, then the original's (ABNT, Chicago reprints)
    # or a French journal's year and issue: "Vingtième siècle, 2007/3"
    rf"|(?<![\w\-–—/.])(?P<sy>{_YEAR})/(?:{_YEAR}|\d{{1,2}})(?![\w\-–/]|\.\d)"
    # "Rio de Janeiro: IBGE; c2017 [cited ...]", "© 2019": a copyright year, the date
    # Vancouver gives a web page or a book that prints no other (NLM's "c")
    rf"|(?<![\w\-–—/.])(?:[cC]|©\s?)(?P<cy>{_YEAR})(?![\w\-–/]|\.\d)"
    # a full stop after a letter is a sentence end ("Springer.2000."); after a digit a
    # decimal or a date ("3.1999")
    rf"|(?<![\w\-–—/.])(?P<y>{_YEAR})(?P<s>[a-z])?(?![\w\-–/]|\.\d)"
    # ... and after a closing bracket ("(HSWG-RP-3-2011).2011. Reference Source", as
    # F1000 runs the year onto what stands before it)
    rf"|(?<=[^\W\d_]\.|\)\.)(?P<ay>{_YEAR})(?P<as>[a-z])?(?![\w\-–/]|\.\d)"
    # "R package version 0.9.8.2017. Reference Source": a year run onto a version
    # number, closing its sentence; a locator's rank (the last resort), as "3.1999" may
    # be a volume and its year or a date
    rf"|(?<=\d\.)(?P<vy>{_YEAR})(?=\.?(?:\s|$))"
)


# what stands before a number in a locator's place. Case matters: "P. 2006." is an
# initial before the year ("Porat P. 2006."), "p. 2006" a page; single capitals ("S.",
# "T.") are left out for the same reason
_LOCATOR_BEFORE = re.compile(
    r"(?:\b(?:pp?|[Pp]ágs?|v|n|nr|[Nn]os?|[Vv]ols?|[Nn][úu]m|art|Bd|Jg|Heft)\.\s*"
    r"|\b(?:[Pp]ages?|[Vv]ols?|[Ii]ssue|Heft|[Nn]o)\s+"
    r"|[\d)\]]\s*:\s*)$"
)


# a lower-case word right before the year ("from 1980", "towards 2030", "a 2019"), or
# right after it ("1980 to", "1758 in Brazil"): the year is a phrase's, most often a
# title's. Not a month ("12 maio 2019"), an abbreviation with its full stop ("jan.
# 2019", "2019 p. 12") or "et al 2019"
_WORD_BEFORE = re.compile(r"(?<![\w.])([^\W\d_A-Z]{1,12})\s+$")
_WORD_AFTER = re.compile(r"\s+([^\W\d_A-Z]{1,12})(?=[\s,;:]|$)")
_NOT_PHRASE_WORDS = """
    al jan feb mar apr may jun jul aug sep sept oct nov dec
    january february march april june july august september october november december
    janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
    enero febrero marzo mayo junio julio septiembre octubre noviembre diciembre
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    januar februar märz juni juli oktober dezember
    p pp v vol n no nr s ed eds edn t
"""
_NOT_PHRASE = frozenset(_NOT_PHRASE_WORDS.split())


def _in_phrase(text: str, start: int, end: int) -> bool:
    """Whether the year at text[start:end] stands between words of a phrase (see 4.)."""
    before = _WORD_BEFORE.search(text, max(0, start - 14), start)
    after = _WORD_AFTER.match(text, end)
    return any(
        m is not None and m.group(1) not in _NOT_PHRASE and m.group(1)[:1].islower()
        for m in (before, after)
    )


# a journal's qualifier as NLM abbreviates it: "Ibis (Lond. 1859)", "Anat Rec (Hoboken
# N.J. 2007)" -- the place and year the journal began, part of its name, never the
# date of a work in it (read as the year of an undated entry, it made every citation of
# that entry a year mismatch). An abbreviated word (capital, full stop) opens the bracket
_QUALIFIER_BEFORE = re.compile(r"\((?:[A-Z][a-z]+\s)?(?:[A-Z][a-z]{0,7}\.\s?)+$")


_MONTH_WORDS = MONTH_ABBREVIATIONS | MONTH_NAMES | FOREIGN_MONTH_NAMES


def in_journal_qualifier(text: str, start: int, end: int) -> bool:
    """Whether the year at text[start:end] closes a journal's qualifier ("Ibis (Lond.
    1859)", see `_QUALIFIER_BEFORE`)."""
    if text[end : end + 1] != ")":
        return False
    m = _QUALIFIER_BEFORE.search(text, max(0, start - 24), start)
    # "(Dec. 1995)", "(Sept. 2001)": an issue's month and year, the work's date
    return m is not None and not any(
        w.strip("(.").lower() in _MONTH_WORDS for w in m.group().split()
    )


# what stands after a volume: its issue and pages ("1855:50", "1505(3):151")
_VOLUME_AFTER = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?:\s*[eE]?\d")


# what stands after the date of a Vancouver locator: ";volume" or a month, then ";"
_VANCOUVER_AFTER = re.compile(
    rf"[a-z]?(?:\s+{_MONTH}(?:\s*[-–/]\s*{_MONTH})?(?:\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?)?)?"
    r"\s*;\s*(?=\S)"
)


def year_candidates(text: str) -> list[YearCandidate]:
    """Every four-digit number of `text` that may be its year, in text order."""
    out: list[YearCandidate] = []
    for m in _CANDIDATE.finditer(text):
        name = next(g for g in ("py", "ry", "dy", "gy", "sy", "cy", "y", "ay", "vy") if m.group(g))
        year = int(m.group(name))
        if year > _MAX_YEAR:
            continue
        suffix = {"py": m.group("ps"), "y": m.group("s"), "ay": m.group("as")}.get(name)
        start, end = m.start(name), m.end(name)
        before = text[max(0, start - 12) : start]
        if name == "y" and in_journal_qualifier(text, start, end):
            continue  # "Ibis (Lond. 1859)": the journal's name (`_QUALIFIER_BEFORE`)
        if name in ("ry", "vy"):
            # the last resort: a title's period ("La Ligue (1589-1595)") is no year,
            # and a number run onto a version may be the version's own last part
            rank = LOCATOR
        elif name == "py":
            rank = PARENTHESISED
        elif _LOCATOR_BEFORE.search(before) or _VOLUME_AFTER.match(text, end):
            rank = LOCATOR
        elif _VANCOUVER_AFTER.match(text, end):
            rank = VANCOUVER_DATE
        elif name in ("y", "ay") and _in_phrase(text, start, end):
            rank = IN_PHRASE
        else:
            rank = PLAIN
        out.append(YearCandidate(year, suffix, start, rank))
    return out


def pick_year(text: str, *, locators: bool = False) -> YearCandidate | None:
    """The best-placed candidate (the first of its rank), or None. A number in a
    locator's place is taken only with `locators` (the last resort, when the rest of
    the entry was searched first)."""
    best: YearCandidate | None = None
    for c in year_candidates(text):
        if c.rank == LOCATOR and not locators:
            continue
        if best is None or c.rank < best.rank:
            best = c
    return best
