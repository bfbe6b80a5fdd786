"""A name in a script without capitals before a year in parentheses: "أكد القحطاني
(2018)", "العتيبي وآخرون (2020)", "לפי כהן (2019)", "शर्मा (2019) के अनुसार".

Arabic, Persian, Urdu, Hebrew, Devanagari, Bengali, Thai and Georgian have no capital
letters, so the narrative reader -- which takes the capitalised words before a
parenthesised year as the names -- read nothing, and the entry ("القحطاني، فهد.
(2018). ...") was "never cited". Unlike Chinese or Japanese (`cjk_narrative`), these
scripts put blanks between words, so the name is the word or words just before the
parenthesis.

The list tells which words are a name. A parenthesised year is read as a narrative
citation when the words just before it (an "et al." after them aside: "وآخرون", "و
همکاران", "ואחרים") open the first author of one entry holding that year, as the entry
writes it before its first comma or full stop ("สมชาย (2019)" for "สมชาย ใจดี.
(2019)": Thai cites by the given name, written first). The citation names that
author and is WEAK: kept when an entry has it, never reported missing (a name is read
only where the list holds it).

Linear: one bounded pattern per parenthesised year, a bounded look back, names looked
up in a dict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.listed_narrative import listed_narrative, names_before_years
from citeaudit.manuscript.citations.marker import Marker
from citeaudit.manuscript.citations.names import CASELESS_LETTERS
from citeaudit.manuscript.citations.organisation_years import ENTRY_LABEL
from citeaudit.manuscript.document import Document
from citeaudit.manuscript.visible_text import visible
from citeaudit.model.citation import Citation

_WORD = rf"[{CASELESS_LETTERS}][{CASELESS_LETTERS}\u064b-\u065f\u0670\u05b0-\u05c7'’-]{{0,30}}"
# an entry's first author: one to three words of these scripts before "،", ",", "." or "("
_FIRST_AUTHOR = re.compile(rf"({_WORD}(?:[ \t]{_WORD}){{0,2}})[ \t]*[,.(]")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20[0-3]\d)(?!\d)")
# the words before the parenthesis, "et al." aside
_ET_AL_BEFORE = re.compile(
    r"(?<![ \t])[ \t]++(?:وآخرون|وآخرين|واخرون|واخرين|وزملاؤه"
    r"|و[ \t]+همکاران|و[ \t]+دیگران|ואחרים|ועמיתיו)[ \t]*\Z"
)
_WORDS_BEFORE = re.compile(
    rf"(?<![{CASELESS_LETTERS}])(?:{_WORD}[ \t]+){{0,2}}{_WORD}[ \t]*\Z"
)  # whole words only: never started inside one
_SCOPE = 300  # characters of an entry whose years count
_LOOK_BACK = 80  # characters before the parenthesis looked at


class CaselessNarrativeExtractor(CitationExtractor):
    syntax: ClassVar[str] = "caseless-narrative"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        authors = _first_authors(document)
        if not authors:
            return
        text = document.text
        for m, et_al, run in names_before_years(text, _LOOK_BACK, _ET_AL_BEFORE, _WORDS_BEFORE):
            name_end = et_al.start() if et_al else m.start()
            year = int(m.group("year"))
            found = _name_ending(run.group().split(), year, authors)
            if found is None:
                continue
            written, name = found
            start = text.rfind(written, run.start(), name_end)
            if start < 0:
                continue
            yield listed_narrative(document, start, m, name, et_al=et_al is not None)


def _first_authors(document: Document) -> dict[str, dict[str, set[int]]]:
    """Entries' first authors written in these scripts -- by each run of their first
    words, "สมชาย" of "สมชาย ใจดี" too (Thai cites by the given name, which comes
    first) -- each with the first author as the list writes it and the years its
    entries hold (digits and the Arabic comma read as `visible_text` shows them)."""
    authors: dict[str, dict[str, set[int]]] = {}
    for entry in document.reference_entries:
        raw = visible(ENTRY_LABEL.sub("", entry.raw[:_SCOPE], count=1)).text
        first = _FIRST_AUTHOR.match(raw)
        if first is None:
            continue
        words = first.group(1).split()
        name = " ".join(words)
        years = {int(y) for y in _YEAR.findall(raw)}
        for length in range(1, len(words) + 1):
            opening = " ".join(words[:length])
            authors.setdefault(opening, {}).setdefault(name, set()).update(years)
    return authors


def _name_ending(
    words: list[str], year: int, authors: dict[str, dict[str, set[int]]]
) -> tuple[str, str] | None:
    """(as the text writes it, as the list does): the longest run of the last words
    that opens the first author of exactly one entry-name holding `year`."""
    for length in range(len(words), 0, -1):
        written = " ".join(words[-length:])
        names = [n for n, years in authors.get(written, {}).items() if year in years]
        if len(names) == 1:
            return written, names[0]
    return None
