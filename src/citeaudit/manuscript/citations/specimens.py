"""Specimen records and catalogue numbers that look like author-year citations.

Taxonomic papers cite specimens by collection and number: "(holotype MZUSP 1998)",
"(ANDES-BT 1567)", "deposited at the museum (USNM 2011)". A catalogue number
between 1500 and 2039 reads as a year, and the collection's acronym as an
organisation, so each record became a "missing reference". A work of such a group
is made *weak* -- kept when an entry has that name and year, never reported as
missing -- when its only name is a collection code (a well-known museum or herbarium
acronym, or capitals joined by a hyphen, "ANDES-BT"), or when it is one name without
"et al." and a specimen word (holotype, paratypes, voucher, specimen, herbarium...)
opens the group or stands just before it ("cited a specimen (USA. Colorado.
Sapinero, 1898, ...)").

Bounded look back (a few words), one regular expression with no nested quantifier.
"""

from __future__ import annotations

import re

from citeaudit.manuscript.citations.names import NOT_NAMES, word_set

_SPECIMEN_WORD = re.compile(
    r"\b(?:holo|para|syn|lecto|neo|allo|topo|para?lecto|iso)types?\b|\bvouchers?\b|"
    r"\bspecimens?\b|\bherbarium\b|\bexsiccat\w*|\bcoll\.|\bleg\.|\bcatalog(?:ue)?\s+n",
    re.IGNORECASE,
)
# Acronyms of collections often cited with a specimen number (museums, herbaria).
_COLLECTIONS = word_set(
    """
    MZUSP USNM FMNH AMNH MNRJ MCZ BMNH NHMUK MNHN ZMB ZSM SMF RMNH INPA MCP ZMA ZMUC NHMW
    LACM UMMZ ANSP MHNG MSNG MZB NMNH ROM MPEG DZUP MCNG ZUEC CHUNB MNCN MACN MLP IAVH
    QCAZ MECN CORBIDI MUSM MZUFV UFRGS MHNCI MZUEL CFBH ZUFMS LIRP MNKA CBF KUNHM
    NSMT IZCAS MNHNP CAS-SU USNMENT NHMD ZFMK MRAC SAMA NMV ANWC
    """
)
_CODE = re.compile(r"^[A-Z]{2,8}(?:-[A-Z]{1,6})?$")
_BEFORE = 48  # characters looked at before the group: its last few words
# a collector's number, then where the specimen is kept: "Parry 1816, TFD;", "Lee 23, K)"
_HERBARIUM_ITEM = re.compile(r"[^\W\d_]\s\d{1,5},\s?[A-Z]{1,5}(?:,\s?[A-Z]{1,5}){0,3}\s?[;)]")


def specimen_context(text: str, start: int, end: int) -> bool:
    """Whether a specimen word opens the group ``text[start:end]`` ("(holotype ...")
    or is the word just before it ("cited a specimen (USA. Colorado..."), or a
    herbarium's code stands alone as one of its items, after a collector's name and
    number ("(Kimboza Forest Reserve: Parry 1816, TFD; ...)"). Not further:
    "herbarium specimens (e.g. TROPICOS, Oever and Gofferje 2012)" and "(unlike
    subadult specimens; Evans, Forster & Reisz, 2005)" cite works."""
    before = text[max(0, start - _BEFORE) : start].split()[-1:]
    opening = text[start + 1 : min(end, start + 1 + _BEFORE)].split()[:1]
    if any(_SPECIMEN_WORD.search(w) for w in (*before, *opening)):
        return True
    return _HERBARIUM_ITEM.search(text, start, end) is not None


def mentions_specimens(text: str) -> bool:
    """Whether the text speaks of specimens anywhere (holotype, voucher, herbarium...):
    a taxonomic paper, whose "(Judd 5357)" is a collector's number, not MLA's author
    and page (`mla_pages`)."""
    return _SPECIMEN_WORD.search(text) is not None


def catalogue_code(authors: tuple[str, ...]) -> bool:
    """Whether the cited "name" is a collection's code: a known acronym, or capitals
    joined by a hyphen ("ANDES-BT")."""
    if len(authors) != 1:
        return False
    name = authors[0]
    if _CODE.match(name) is None:
        return False
    return name.upper() in _COLLECTIONS or "-" in name


# A catalogue number written with its collection's code: "KEYS-0778", "MZUSP-01234".
# Three digits at least, so "COVID-19" is none. Bounded, no nested quantifier: linear.
_CATALOGUE_NUMBER = re.compile(r"(?<![\w-])[A-Z]{2,8}-\d{3,8}(?![\w-])")


def code_beside_catalogue_number(authors: tuple[str, ...], text: str, start: int, end: int) -> bool:
    """Whether the cited "name" is a code of capitals ("UF") in a group that also gives
    a catalogue number with its code ("(UF 1594, KEYS-0778)"): the group lists
    specimen records, and "UF 1594" is a collection and number, no work of 1594.
    A code alone beside works ("(WHO 2010; Smith 2011)") stays a citation."""
    if len(authors) != 1 or _CODE.match(authors[0]) is None:
        return False
    return _CATALOGUE_NUMBER.search(text, start, end) is not None


# A collector's name and number, as specimen citations and lists of vernacular names give
# them: "(Bates 561)", "Gossweiler 8972,", "(Kibila, Marabo 1546)". A capitalised word
# and a number that is no year -- three digits, four outside the years (before 1500,
# after 2039), five or six -- before a separator. Possessive, bounded: linear.
_COLLECTOR_NUMBER = re.compile(
    r"(?<![^\W\d_])(?P<word>[A-ZÀ-Þ][a-zà-ÿ][^\W\d_]{0,30}+)\.?\s"
    r"(?:\d{3}|1[0-4]\d\d|20[4-9]\d|2[1-9]\d\d|[3-9]\d{3}|\d{5,6})(?![\w.,]\d)(?=\s?[,;)\]])"
)
_COLLECTOR_REACH = 160  # characters either side of the group
# What every collector's number holds, its name left out: a blank, the number, and the
# separator after it (the same number and lookahead as `_COLLECTOR_NUMBER`). A page of
# years and prose has none ("(Chen, 2018)": 2018 reads as a year), and this pattern
# opens on a blank, where the engine skips ahead; `_COLLECTOR_NUMBER` opens on a look
# back tried at every offset (1.3 s of the 5 MB single-line bench's 62,500 groups, a
# window of 320 characters each). Without the negative lookahead, so that a match in a
# window is one in the whole text as well (`CollectorNumbers`).
_NUMBER_AND_SEPARATOR = re.compile(
    r"\s(?:\d{3}|1[0-4]\d\d|20[4-9]\d|2[1-9]\d\d|[3-9]\d{3}|\d{5,6})(?=\s?[,;)\]])"
)


def collector_numbers_near(text: str, start: int, end: int) -> bool:
    """Whether a collector's name and number ("Bates 561") stands in the group
    ``text[start:end]`` or within a few items of it. Botanical monographs list
    specimens and vernacular names by collector and number ("fondé (Aubréville 1511),
    fula (Bates 561)"); a number between 1500 and 2039 there reads as a year and each
    record became a missing reference. The works of such groups are made weak by the
    caller: kept when an entry confirms them, never reported as missing. A unit word
    ("Figure 123", "Page 212") is no collector."""
    low, high = max(0, start - _COLLECTOR_REACH), min(len(text), end + _COLLECTOR_REACH)
    if _NUMBER_AND_SEPARATOR.search(text, low, high) is None:
        return False  # no number a collector's could be: the usual page
    return _collectors_between(text, low, high)


def _collectors_between(text: str, low: int, high: int) -> bool:
    return any(
        m.group("word").casefold() not in NOT_NAMES
        for m in _COLLECTOR_NUMBER.finditer(text, low, high)
    )


class CollectorNumbers:
    """`collector_numbers_near` over one text, for groups asked about in text order:
    the text is scanned once for the numbers a collector's could be, where each group's
    own window scanned ~320 characters (a dense page's groups share most of theirs).

    Holds the next such number past the last window's start, never a list of them.
    A group asked about before the last one's window is answered the plain way."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found = _NUMBER_AND_SEPARATOR.finditer(text)
        self._next = -1  # where the next number found starts (its blank); -1: not looked
        self._low = 0

    def near(self, start: int, end: int) -> bool:
        text = self.text
        low, high = max(0, start - _COLLECTOR_REACH), min(len(text), end + _COLLECTOR_REACH)
        if low < self._low:
            return collector_numbers_near(text, start, end)
        self._low = low
        while self._next < low:
            found = next(self._found, None)
            if found is None:
                self._next = len(text)  # none left
                break
            self._next = found.start()
        # A collector's number in the window is one in the whole text (blank and number
        # inside the window, the separator after it too): none here, none there.
        if self._next >= high:
            return False
        return _collectors_between(text, low, high)
