"""A work with no author cited in an author-year group by its title: "(Learning Maps Is
Possible. A National Plan, 2015)", "(Harvests of the North: Salmon in a Small Town,
Alaska, 2010)", "(vgl. Karten lesen lernen. Ein Leitfaden, 2018, S. 4)".

An entry with no personal author opens with its title ("Harvests of the North: Salmon
in a Small Town, Alaska. (2010). Example Films."), and author-date styles cite it by
that title (or its first words) and the year. The name reader splits a group at its
commas and full stops, so such a title was read as the names after its last comma
("Alaska", a missing work) or not at all, and the entry was called "never cited".

A ``;``-separated part of a group is read as a title when its words before the year
(a leading cue such as "see" or "vgl." aside; compared as `title_words` does: case,
accents, punctuation and a leading article aside) are two or more words that open an
entry of the list, the whole of its first words up to a word's end, before the
entry's first year -- and that entry holds the cited year. The name reader keeps
every part it reads as these same words ("(World Health Organization, 2019)" is its
own); only a part it reads otherwise or not at all is taken. The work's name is the
entry's opening as the list writes it (`citeaudit.matching` finds the one entry of the
year whose text opens so), the citation SURE: an entry confirms it. With the entry
dropped from the list, the part is the name reader's again ("Alaska, 2010": missing).

An entry's opening is its words before its first year, and two more readings (class
TY): a title that ends in a year of its own ("Salmon in Lake Tern, Yukon, 2012. (2013).",
cited "(Salmon in Lake Tern, Yukon, 2012, 2013)") is read to that year too, and an entry
that opens with its year, no author before it ("(2012). Salmon in Lake Tern. Board.",
as a list prints a work with no author in the author's place), by the title after the
year. Cut before its year or empty, the opening was no citation's words: the group was
read as names ("Tern, Yukon", two missing works) and the entry "never cited".

Linear: entries are looked up by their opening's first word (`_LOOKED_AT` at most
compared); one bounded pattern per part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citeaudit.manuscript.citations.item_parser import ParsedWork, parse_group
from citeaudit.manuscript.citations.title_words import title_words
from citeaudit.manuscript.citations.years import YEAR, parse_years
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Certainty

_ENTRY_LABEL = re.compile(r"^\s*(?:[-*+•]\s+|\[\d+\]\s*|\d+[.)]\s+)?[*_\s]*")
_HEAD = 110  # characters of an entry that may hold its title before the year
_SCOPE = 400  # characters of an entry whose years count
_LOOKED_AT = 16  # entries opening with one word compared at most
_MOST_PARTS = 12
_YEAR_DIGITS = re.compile(r"(?<!\d)(1[5-9]\d\d|20[0-3]\d)(?!\d)")
# A cue before the title: "see", "e.g.,", "cf.", "vgl.", "ver", "véase", "voir".
_CUE = re.compile(
    r"^(?:(?:see(?:\s+also)?|e\.\s?g\.|cf\.|i\.\s?e\.|vgl\.|siehe|ver|véase|voir|also|"
    r"por\s+ejemplo|por\s+exemplo|z\.\s?B\.)[\s,:]+)?",
    re.IGNORECASE,
)
# What may follow the cited year in its part: a page, nothing else.
_LOCATOR_TAIL = re.compile(
    r"[ \t]*+(?:[,:][ \t]*+(?:(?:pp?|S|págs?|pág|para|ch|cap|chap)\.?[ \t]*+)?"
    r"\d{1,5}(?:[ \t]*+[-–][ \t]*+\d{1,5})?)?[ \t]*+\Z"
)


@dataclass(frozen=True, slots=True)
class _Opening:
    """An entry's opening before its first year: its words, its years, as written."""

    words: str  # title_words of the opening, then a blank
    years: frozenset[int]
    written: str  # the opening as the list writes it, cut at a word's end


# An entry that opens with its year, no author before it: "(2012). Title. Publisher."
_YEAR_FIRST = re.compile(r"\(?(?:1[5-9]\d\d|20[0-3]\d)[a-z]?\)?[.,:]?[ \t]+")
# Where a title opening with its year ends: a full stop before a blank (not an initial's).
_TITLE_END = re.compile(r"(?<![\s.][^\W\d_])\.(?:\s|$)")


def _heads(raw: str) -> list[str]:
    """The ways the entry's opening may be cited as a title: the words before its first
    year ("Harvests of the North: ... Alaska. (2010)."); when that year stands inside
    the title ("Salmon in Lake Tern, Yukon, 2012. (2013)."), the title up to the next
    year too; when the entry opens with its year ("(2012). Salmon in Lake Tern. Board."),
    the title after it, to its full stop."""
    first = _YEAR_FIRST.match(raw)
    if first is not None:
        end = _TITLE_END.search(raw, first.end(), _HEAD)
        return [raw[first.end() : end.start() if end else _HEAD]]
    years = list(_YEAR_DIGITS.finditer(raw, 0, _HEAD))
    if not years:
        return []
    heads = [raw[: years[0].start()].rstrip(" \t([,.;:")]
    if len(years) > 1 and raw[years[0].end() : years[1].start()].strip(" \t.,([") == "":
        heads.append(raw[: years[0].end()])  # "..., Yukon, 2012. (2013)": the title's year
    return heads


class EntryTitles:
    """The list's entry openings by first word, and the reading of a group's parts."""

    def __init__(self, document: Document) -> None:
        self._by_first: dict[str, list[_Opening]] = {}
        for entry in document.reference_entries:
            raw = _ENTRY_LABEL.sub("", entry.raw[:_SCOPE], count=1)
            years = frozenset(int(y) for y in _YEAR_DIGITS.findall(raw))
            for head in _heads(raw):
                words = title_words(head)
                if len(words.split()) < 2:
                    continue
                opening = _Opening(words + " ", years, " ".join(head.split()))
                self._by_first.setdefault(words.split()[0], []).append(opening)

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def opens_an_entry(self, name: str) -> bool:
        """Whether some entry opens with `name`'s words ("Nguyen Van A (2019). ...")."""
        words = title_words(name)
        first = words.split()[0] if words else ""
        return any(
            o.words.startswith(words + " ") for o in self._by_first.get(first, [])[:_LOOKED_AT]
        )

    def reread(self, inner: str, works: tuple[ParsedWork, ...]) -> tuple[ParsedWork, ...]:
        """The group's works, a part that names an entry by its title read as that title
        (module docstring); `works` (the name reader's) when no part does."""
        parts = inner.split(";")
        if len(parts) > _MOST_PARTS:
            return works
        titled = [self._title(part) for part in parts]
        if not any(titled):
            return works
        reread: list[ParsedWork] = []
        for part, title in zip(parts, titled, strict=True):
            reread.extend(parse_group(part) if title is None else (title,))
        return tuple(reread)

    def _title(self, part: str) -> ParsedWork | None:
        text = " ".join(part.split())
        years = list(YEAR.finditer(text))  # a part of a 400-character group at most
        if not years or years[-1].group("year") is None:
            return None
        year = years[-1]
        parsed = parse_years(text, year.start())
        if parsed is None or len(parsed[0]) != 1 or not _LOCATOR_TAIL.match(text, parsed[1]):
            return None
        before_year = text[: year.start()]
        named_end = len(before_year.rstrip(" \t,"))
        if named_end == len(before_year) or before_year[named_end:].count(",") > 1:
            return None  # the year glued to the title, or ",," between them
        cue = _CUE.match(before_year)
        named = before_year[cue.end() if cue else 0 : named_end].strip()
        cited = title_words(named)
        if len(cited.split()) < 2:
            return None
        label = parsed[0][0]
        fits = {
            o.written
            for o in self._by_first.get(cited.split()[0], [])[:_LOOKED_AT]
            if o.words.startswith(cited + " ") and label.year in o.years
        }
        if len(fits) != 1:
            return None
        names = parse_group(text)
        if len(names) == 1 and title_words(names[0].name_text) == cited:
            return None  # the name reader's own: "(World Health Organization, 2019)"
        written = fits.pop()
        return ParsedWork(
            name_text=named,
            authors=(written,),
            et_al=False,
            labels=(label,),
            item=text.strip(" ,"),
            certainty=Certainty.SURE,
        )
