"""Year labels as citations write them: ``2019``, ``2020a``, ``n.d.``, ``in press``.

A year glued to a word, a slash, a dot or a dash (``10.2019/x``, ``pp. 1998–2001``,
``COVID-2019``) is part of something else -- a DOI, a page range, a name -- never a
citation's year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citeaudit.model.publication_status import NO_DATE, STATUS

# Years run to the 2030s: "(USNM 2093)" is a catalogue number, not a year.
# An optional original year ("1900/1999", "2001/2012", "2011 [1979]", "2011 [1954-1961]",
# "[1968] 2005", as ABNT and the humanities give a translation's or reprint's first edition,
# before or after the edition read) is skipped: the reference carries the edition read.
# "s.d." and "s/d" (Portuguese "sem data"), "s/f" (Spanish "sin fecha") and a bare "nd"
# filling the slot ("(Green, nd)") are no date, like "n.d."; so are ABNT's bracketed
# uncertain decades "[201-]", "[20--]", probable ones "[197-?]", "[18--?]" and "[s.d.]",
# while a probable year "[2019?]", an inferred one "[2019]" (ABNT: the year is not
# printed on the work but known), one about which "[ca. 2012]" and the first of "[1971
# ou 1972]" (one or the other) are that year.
# A work published over years is cited by its span or its first year and on:
# "Castroviejo 1986–2015", "(1890–1894)", "Urban 1926–27" (the end's last two digits),
# "JSTOR (2000 onwards)", "(2009+)", a school or financial year "(2019/20)"; the
# citation's year is the first, as the list's entry gives it first.
# A year of the Hijri (lunar) or Solar Hijri calendar, as Arabic and Persian texts date
# a work: marked ("1441 AH", "1441 H", "1441 هـ", "1398 SH", "1398 H.S.", "1398 ش"),
# alone or before or after the Gregorian one and a slash ("1384/2005", "2009/1388",
# "1441 AH/2019"; unmarked only there). Beside a Gregorian year, that year is the
# citation's; alone, the label has no Gregorian year (a Hijri year spans two) and the
# matcher links the citation by its authors, as it does "(Tanaka et al.)".
# A status or "no date" spelt out stands in the year slot of a work with no year yet
# ("under review", "Forthcoming", "no prelo", "im Druck": model.publication_status).
# A year written "about", as old and undated works are cited: "(Smith, ca. 1850)",
# "Hale (c. 1790)", "(Quist circa 1850)", "ca 1905" (APA, Chicago, ABNT outside its
# brackets). The mark is part of the year label: read apart, "circa" became the work's
# author ("(circa 1920)") and "(Smith, circa 1850)" no work at all. Lower-case "c." only:
# "C. 1999" after a name is an initial. (A fixed word, then one optional blank: linear.)
CIRCA = r"(?:[Cc]a\.[ ]?|[Cc]a[ ]|c\.[ ]?|[Cc]irca[ ])"
_CIRCA_LEAD = re.compile(CIRCA)
HIJRI_MARK = r"(?:A\.?[ ]?H\.?|S\.?[ ]?H\.?|H\.?[ ]?S\.?|H\.?|هـ\.?[ ]?ش|هـ|ه|ش)(?![^\W\d_])"
YEAR = re.compile(
    r"(?<![\w./\-–—])"
    rf"(?:(?:1[3-9]\d\d|20[0-3]\d)(?:\s?{HIJRI_MARK})?\s*/\s*|\[(?:1[5-9]\d\d|20[0-3]\d)\]\s?)?"
    rf"(?:{CIRCA}?(?P<year>1[5-9]\d\d|20[0-3]\d)(?:-?(?P<suffix>[a-z]))?"
    r"(?:(?![\w/])|(?=/\d\d(?![\w/\-–]))|(?=[ ]?/[ ]?1[34]\d\d(?!\d)))"
    r"(?:\s?[-–]\s?(?:1[5-9]\d\d|20[0-3]\d)(?![\w/\-–])|[-–/]\d\d(?![\w/\-–])|\s+onwards?\b"
    rf"|[ ]?/[ ]?1[34]\d\d(?:\s?{HIJRI_MARK})?(?![\w/\-–])"
    r"|\+(?![\w+]))?"
    r"(?:\s?\[(?:1[5-9]\d\d|20[0-3]\d)(?:\s?[-–]\s?(?:1[5-9]\d\d|20[0-3]\d))?\])?"
    r"|(?P<nd>n\.\s?d\.|t\.\s?t\.|s\.\s?f\.|o\.\s?J\.|s\.\s?a\.|s\.\s?d\.|s/[df]\b"
    r"|\[s\.\s?d\.\]|\[(?:1[5-9]|20)(?:\d-|--)\??\]|nd(?=\s*+(?:[);,\]]|$)|\s?-\s?[a-z](?!\w)))"
    r"(?:\s?-\s?(?P<ndsuffix>[a-z])(?!\w))?"
    r"|\[(?:ca?\.\s?)?(?P<probable>1[5-9]\d\d|20[0-3]\d)\??"
    r"(?:\s(?:ou|or|o|oder)\s(?:1[5-9]\d\d|20[0-3]\d)\??)?\]"
    rf"|(?P<ndword>{NO_DATE})(?!\w)(?:\s?-\s?(?P<ndwsuffix>[a-z])(?!\w))?"
    rf"|(?P<press>{STATUS})(?!\w)(?:\s?-\s?(?P<presssuffix>[a-z])(?!\w))?"
    rf"|(?P<hijri>1[34]\d\d)\s?{HIJRI_MARK})"
)
# Between years of one author: "2019, 2020", "2019; 2020", "2019 e 2020", "2019 and 2020"
# (a word only when a year follows it: parse_years stops at "2019 and Lee").
_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+(?:and|y|e|et|und|&)\s+")
# "2019a, b": a lone letter continues a suffixed year, when nothing word-like follows it.
_SUFFIX_ONLY = re.compile(r"(?P<suffix>[a-z])(?=\s*(?:[,;:)\]]|$))")
# "2012a, b for the protocols": a lone letter with words after it, taken only when it is
# the next letter after the year's own (an article "a" or a word never is).
_NEXT_LETTER_THEN_WORDS = re.compile(r"(?P<suffix>[a-z])(?=\s+[^\W\d_])")
# "2013a-c": the letters from the first to the last, each a work of that year.
_SUFFIX_RANGE = re.compile(r"\s?[-–]\s?(?P<last>[a-z])(?=\s*(?:[,;:)\]]|$))")
_MOST_LETTERS = 12


@dataclass(frozen=True, slots=True)
class YearLabel:
    year: int | None
    suffix: str | None
    no_date: bool
    text: str

    @property
    def circa(self) -> bool:
        """Whether the year is written "about" ("ca. 1850"): an event's date as often as a
        work's, so a narrative citation with it is kept only when an entry confirms it."""
        return _CIRCA_LEAD.match(self.text) is not None

    @classmethod
    def from_match(cls, m: re.Match[str]) -> YearLabel:
        if m.group("year"):
            return cls(int(m.group("year")), m.group("suffix"), False, m.group())
        if m.group("hijri"):  # "1441 AH", "1398 SH": no Gregorian year to give
            return cls(None, None, False, m.group())
        if m.group("probable"):  # ABNT "[2019?]": a probable year, read as that year
            return cls(int(m.group("probable")), None, False, m.group())
        if m.group("nd"):
            return cls(None, m.group("ndsuffix"), True, m.group())
        if m.group("ndword"):  # "no date", "sin fecha": as "n.d."
            return cls(None, m.group("ndwsuffix"), True, m.group())
        # a status in the year slot ("in press", "under review", "no prelo"; "in press-a")
        return cls(None, m.group("presssuffix"), False, m.group())


def _annotates(last: YearLabel, label: YearLabel, separator: str) -> bool:
    """Whether a status written after a dated year is that work's annotation, not
    another work: "(Thiers 2016, continuously updated)", "(Lee 2019, in press)" cite
    one dated work each. Read as a second, undated work it was a false missing
    reference (the list dates the work). Only after a comma and a single year:
    "2019; in press", "2019 and in press" and "2023, 2024, in submission" (a run of
    works) stay separate works."""
    return (
        last.year is not None
        and label.year is None
        and not label.no_date
        and separator.strip() == ","
    )


def parse_years(text: str, start: int = 0) -> tuple[list[YearLabel], int] | None:
    """Years from `start`, comma-separated (``2019a, 2019b``, ``2019a, b``, ``1987, 1991``).

    A status after a dated year (``2016, continuously updated``, ``2019, in press``)
    ends the labels and is taken in: it annotates the year before it.

    Returns the labels and where they end; None when no year starts at `start`.
    """
    m = YEAR.match(text, start)
    if not m:
        return None
    labels = [YearLabel.from_match(m)]
    end = m.end()
    while True:
        last = labels[-1]
        span = _SUFFIX_RANGE.match(text, end) if last.suffix else None
        if span is not None and last.suffix:
            first, final = ord(last.suffix), ord(span.group("last"))
            if 0 < final - first <= _MOST_LETTERS:
                labels.extend(_lettered(last, chr(c)) for c in range(first + 1, final + 1))
                end = span.end()
        sep = _SEPARATOR.match(text, end)
        if not sep:
            break
        nxt = YEAR.match(text, sep.end())
        if nxt:
            label = YearLabel.from_match(nxt)
            if len(labels) == 1 and _annotates(labels[0], label, text[end : sep.end()]):
                end = nxt.end()  # "2016, continuously updated": the 2016 work's status
                break
            labels.append(label)
            end = nxt.end()
            continue
        last = labels[-1]
        letter = _SUFFIX_ONLY.match(text, sep.end()) if last.suffix else None
        if letter is None and last.suffix:
            letter = _NEXT_LETTER_THEN_WORDS.match(text, sep.end())
            if letter is not None and ord(letter.group("suffix")) != ord(last.suffix) + 1:
                letter = None
        if letter is None:
            break
        labels.append(_lettered(last, letter.group("suffix")))
        end = letter.end()
    return labels, end


def _lettered(last: YearLabel, suffix: str) -> YearLabel:
    """Another work of `last`'s year, with its own letter ("2019a, b", "2013a-c")."""
    return YearLabel(last.year, suffix, last.no_date, f"{last.year or 'n.d.'}{suffix}")
