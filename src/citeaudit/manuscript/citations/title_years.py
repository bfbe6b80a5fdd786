"""A work named by its title and year: "the second edition of Genera Plantarum
(1742)", "Humboldt and Bonpland in Plantae Aequinoctiales (1809 [1808])".

Taxonomic and historical writing names a classic by its title, the year in
parentheses after it. The author-year reader took the title for names ("Genera
Plantarum (1742)"), no entry had such an author, and the text got a
possible-missing-reference while the entry ("Linnaeus C (1742) Genera plantarum, ed.
2. ...") was "never cited".

A parenthesised year right after a run of two to `_MOST_WORDS` words, the first
capitalised, is read as a citation of an entry when the run's words, compared as
`title_words` does (case, accents, a leading article aside), stand together in that
entry after its year -- the title of an author-date entry ("Author (Year) Title",
"Author. Year. Title") -- and the entry holds the parenthesised year. The title must
come after the year so that the names heading an entry are never read as its title.
The citation names the entry's first word (its first author as the list opens it)
and carries the title, so `citeaudit.matching.citations` picks among several entries
of that author and year by the title. WEAK and not narrative: kept only when one
entry fits, never reported as missing or as a year mismatch. It runs before the
author-year reader, which would read the title as names.

A title abbreviated past recognition ("Marlow and Penn in Pl. Varn. (1809)") is read
by the names before "in": one to four names, the first heading an entry that holds
the year (as the list opens it), then up to six capitalised title words. WEAK too.

Linear: one bounded pattern for the parenthesised year, a bounded window of words
before it; entries are looked up by their title's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.citations.names import word_set
from citeaudit.manuscript.citations.organisation_years import ENTRY_LABEL, PAREN_YEAR
from citeaudit.manuscript.citations.title_words import title_words
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Certainty, Citation, CitationKind

_FIRST_WORD = re.compile(r"[^\W\d_][^\W\d_'’\-]*(?:[-'’][^\W\d_]+)*")
_YEAR_EARLY = re.compile(r"(?<!\d)(1[5-9]\d\d|20[0-3]\d)(?!\d)")
# what closes the year: "1809a", "1809 [1808]).", "2014."
_AFTER_YEAR = re.compile(r"[a-z]?(?:[ \t]?\[\d{4}\])?\)?[.,:]?[ \t]*")
# the title ends at a full stop before a capital: "Plantae aequinoctiales. Vol. 2."
_TITLE_END = re.compile(r"[.?!][ \t]+(?=[A-ZÀ-Þ])|\n")
_WORD = re.compile(r"[^\W\d_][^\s()\[\],;:.!?\"“”]*")
# "Marlow and Penn in Plantae Varnenses " before the parenthesis: one to four names, "in",
# one to six capitalised (abbreviated) title words
_NAMES_IN = re.compile(
    r"(?<![^\W\d_])(?P<first>[A-ZÀ-Þ][^\W\d_'’\-]+(?:[-'’][^\W\d_]+)?)"
    r"(?:(?:,[ \t]|[ \t](?:and|&|e|et|y)[ \t]|,[ \t](?:and|&)[ \t])"
    r"[A-ZÀ-Þ][^\W\d_'’\-]+(?:[-'’][^\W\d_]+)?){0,3}"
    r"[ \t]in[ \t](?P<title>(?:[A-ZÀ-Þ][^\s()]{0,30}[ \t]){1,6})\Z"
)
_MOST_WORDS = 10
_YEAR_WITHIN = 120  # characters: an author-date entry's year stands before its title
_TITLE_SPAN = 250  # characters after the year that may hold the title
_WINDOW = 120  # characters before the parenthesis looked at
_LOOKED_AT = 16  # entries holding a word compared at most (a list of one word repeated)
_NO_ENTRIES: list[_Titled] = []
_ARTICLES = word_set("the a an o os as el la los las le les der die das il lo gli")


@dataclass(frozen=True, slots=True)
class _Titled:
    """An author-date entry: its first word, its year and the words after the year."""

    first: str
    year: int
    words: str  # " title words ... " padded with blanks, for whole-word search


class TitleYearExtractor(CitationExtractor):
    syntax: ClassVar[str] = "title-year"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        by_word = _titled(document)
        if not by_word:
            return
        heads = {(title_words(e.first), e.year) for entries in by_word.values() for e in entries}
        text = document.text
        for m in PAREN_YEAR.finditer(text):
            year = int(m.group("year"))
            found = _title_before(text, m.start(), year, by_word) or _names_in(
                text, m.start(), year, heads
            )
            if found is None:
                continue
            start, phrase, entry = found
            end = m.end()
            suffix = m.group("suffix")
            citation = Citation(
                id="",
                text=shown(text[start:end]),
                location=document.location_at(start),
                kind=CitationKind.AUTHOR_YEAR,
                item=f"{entry.first}, {phrase} {m.group('year')}{suffix or ''}",
                authors=(entry.first,),
                year=int(m.group("year")),
                year_suffix=suffix,
                certainty=Certainty.WEAK,
            )
            yield Marker(start, end, (citation,))


def _names_in(
    text: str, at: int, year: int, heads: set[tuple[str, int]]
) -> tuple[int, str, _Titled] | None:
    """ "Marlow and Penn in Pl. Varn. (1809)": the title abbreviated past recognition,
    the names before "in" that head an entry of the year (module docstring)."""
    window_start = max(text.rfind("\n", max(at - _WINDOW, 0), at) + 1, at - _WINDOW, 0)
    m = _NAMES_IN.search(text, window_start, at)
    if m is None:
        return None
    first = m.group("first")
    if (title_words(first), year) not in heads:
        return None
    entry = _Titled(first, year, "")
    return m.start(), " ".join(m.group("title").split()), entry


def _titled(document: Document) -> dict[str, list[_Titled]]:
    """Author-date entries, by the words of what follows their year."""
    by_word: dict[str, list[_Titled]] = {}
    for entry in document.reference_entries:
        raw = ENTRY_LABEL.sub("", entry.raw[: _YEAR_WITHIN + _TITLE_SPAN], count=1)
        first = _FIRST_WORD.match(raw)
        year = _YEAR_EARLY.search(raw, 0, _YEAR_WITHIN)
        if first is None or year is None or len(first.group()) < 3:
            continue
        after = _AFTER_YEAR.match(raw, year.end())
        end = after.end() if after else year.end()
        title = _TITLE_END.split(raw[end : end + _TITLE_SPAN], maxsplit=1)[0]
        words = title_words(title)
        if not words:
            continue
        titled = _Titled(first.group(), int(year.group()), f" {words} ")
        for word in set(words.split()):
            by_word.setdefault(word, []).append(titled)
    return by_word


def _title_before(
    text: str, at: int, year: int, by_word: dict[str, list[_Titled]]
) -> tuple[int, str, _Titled] | None:
    """The longest run of words before `at` that is the title of one entry of `year`."""
    window_start = max(text.rfind("\n", max(at - _WINDOW, 0), at) + 1, at - _WINDOW, 0)
    window = text[window_start:at]
    if not window.endswith((" ", "\t")):
        return None
    words = [(w.group(), window_start + w.start()) for w in _WORD.finditer(window)]
    words = words[-_MOST_WORDS:]
    folded = [title_words(w) for w, _ in words]
    last = folded[-1].split() if folded else []
    if len(words) < 2 or not last or last[-1] not in by_word:
        return None  # no entry's title holds the last word: most years end here
    for k in range(len(words) - 1):  # longest run first
        if any(c in text[words[k][1] : at] for c in ".;:!?"):
            continue  # a run that crosses a sentence or clause
        if not words[k][0][:1].isupper() or folded[k] in _ARTICLES:
            continue  # the run after the article is tried next
        cited = " ".join(w for w in folded[k:] if w)
        if len(cited.split()) < 2 or max(len(w) for w in cited.split()) < 4:
            continue
        fits = {
            id(e): e
            for e in by_word.get(cited.split()[0], _NO_ENTRIES)[:_LOOKED_AT]
            if e.year == year
            and f" {cited} " in e.words
            and title_words(e.first) not in cited.split()
        }
        if len(fits) == 1:
            phrase = " ".join(w for w, _ in words[k:])
            return words[k][1], phrase, next(iter(fits.values()))
    return None
