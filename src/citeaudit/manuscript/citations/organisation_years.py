"""An organisation named beside a work's year: "the IUCN criteria (2014)", "IUCN Red
List categories and criteria (2017)", "o Censo Demográfico (2010) do IBGE".

Writers cite a body's publication by the body and what it published, the year in
parentheses after the noun phrase rather than after the name. No author-year reader
takes it -- the word before the year is "criteria" or "Censo", no author -- and the
entry ("IUCN (2014) Guidelines for using the IUCN Red List ...", "IBGE. Censo
demográfico 2010. ...") was "never cited".

A parenthesised year is read as a citation of an organisation when that organisation
heads a listed entry holding the year -- its acronym ("IUCN (2014)", "IBGE.", the
"(IBGE)" after a name) or its name ("World Health Organization (2014)") -- and stands
within `_REACH` words before the parenthesis ("the IUCN criteria (2014)") or just
after it, behind one or two linking words ("Censo (2010) do IBGE", "(2014) of the
IUCN"). Every capitalised word between the name and the year must stand in that
entry ("Red List", "Censo Demográfico"): "IUCN data analysed by Smith (2014)" is
Smith's citation, left to the author-year reader. The name must not touch the
parenthesis ("IUCN (2014)" is the author-year reader's, a sure citation).

The citation is WEAK and not narrative: `citeaudit.matching.citations` keeps it only
when exactly one entry fits the name and the year, and never reports it as missing
or as a year mismatch. It runs before the author-year reader, so "Censo (2010)" is
not also read as a work of "Censo".

Linear: one bounded pattern for the parenthesised year; a bounded window of words
each side, looked up in sets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.citations.names import AND_WORDS, word_set
from citeaudit.manuscript.citations.title_words import title_words
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Certainty, Citation, CitationKind

# "(2014)", "(2014a)", "(1809 [1808])": a year alone in its parenthesis
PAREN_YEAR = re.compile(r"\((?P<year>1[5-9]\d\d|20[0-3]\d)(?P<suffix>[a-z])?(?:[ \t]?\[\d{4}\])?\)")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20[0-3]\d)(?!\d)")
ENTRY_LABEL = re.compile(r"^\s*(?:[-*+•]\s+|\[\d+\]\s*|\d+[.)]\s+)?[*_\s]*")
# An acronym opening an entry: "IUCN (2014)", "IBGE.", "IBGE - Instituto ...", "OECD
# 2020" -- not "SILVA, J."
_HEAD_ACRONYM = re.compile(
    r"(?P<name>[A-ZÀ-Þ][A-ZÀ-Þ&\-]{1,11})(?=[ \t]*[.(]|[ \t]+[-–—][ \t]|[ \t]+[A-ZÀ-Þ0-9])"
)
# An acronym given after a name in an entry's head: "Instituto ... (IBGE). 2010."
_PAREN_ACRONYM = re.compile(r"\((?P<name>[A-ZÀ-Þ][A-ZÀ-Þ&\-]{1,11})\)")
# An organisation's name opening an entry: capitalised words and linking words, up to a
# full stop, a parenthesis, a comma or a year ("World Health Organization (2014)"), a
# ministry's long name too ("Department of X and Y of the Republic of Z", class CA).
_HEAD_NAME = re.compile(r"(?P<name>[A-ZÀ-Þ][^\W\d_]+(?:[ \t]+[^\W\d_]+){1,11}?)[ \t]*(?=[.(,]|\d)")
_LONGEST = 12  # words of a body's name at most
# The author-year reader's narrative names are five words at most (`narrative._name_back`):
# a longer body's name touching its year is no narrative it reads, so this reader takes it.
_NARRATIVE_WORDS = 5
_LINKING = word_set("of for the and de da do das dos del della di du des la le e y et und für")
_AFTER = re.compile(
    r"[ \t]+(?:(?:of|by|from|the|do|da|dos|das|de|del|della|du|des|la|le|der|des)[ \t]+){1,2}"
    r"(?P<name>[^\W\d_][^\s.,;:()]{1,60})"
)
_WORD = re.compile(r"[^\W\d_][^\s()\[\],;:.!?\"“”]*")
_REACH = 5  # words between the name and the year at most
_HEAD = 160  # characters of an entry that may hold its organisation
_SCOPE = 400  # characters of an entry whose years count
_WINDOW = 90  # characters before the parenthesis looked at
_NO_NAMES: list[str] = []


@dataclass(frozen=True, slots=True)
class _Body:
    """An organisation heading entries: the years they hold and their words."""

    years: frozenset[int]
    words: frozenset[str]


class OrganisationYearExtractor(CitationExtractor):
    syntax: ClassVar[str] = "organisation-year"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        bodies = _bodies(document)
        if not bodies:
            return
        by_first: dict[str, list[str]] = {}
        for name in bodies:
            by_first.setdefault(name.split()[0], []).append(name)
        text = document.text
        for m in PAREN_YEAR.finditer(text):
            found = _before(text, m.start(), bodies, by_first) or _after(
                text, m.end(), m.start(), bodies
            )
            if found is None:
                continue
            name, start, end = found
            if int(m.group("year")) not in bodies[name].years:
                continue
            suffix = m.group("suffix")
            citation = Citation(
                id="",
                text=shown(text[start:end]),
                location=document.location_at(start),
                kind=CitationKind.AUTHOR_YEAR,
                item=f"{name}, {m.group('year')}{suffix or ''}",
                authors=(name,),
                year=int(m.group("year")),
                year_suffix=suffix,
                certainty=Certainty.WEAK,
            )
            yield Marker(start, end, (citation,))


def _bodies(document: Document) -> dict[str, _Body]:
    """Organisations heading the list's entries, by acronym and by name as written.

    A body's words leave out every entry's first word but its own names': "IUCN data
    analysed by Smith (2014)", Smith heading an entry, is Smith's citation even when
    the IUCN entry names Smith."""
    years: dict[str, set[int]] = {}
    words: dict[str, set[str]] = {}
    openings: set[str] = set()
    for entry in document.reference_entries:
        raw = ENTRY_LABEL.sub("", entry.raw[:_SCOPE], count=1)
        head = raw[:_HEAD]
        if (first := _WORD.match(head)) is not None:
            openings.add(title_words(first.group()))
        names: list[str] = []
        if (m := _HEAD_ACRONYM.match(head)) is not None:
            names.append(m.group("name"))
        elif (m := _HEAD_NAME.match(head)) is not None and _organisation(m.group("name")):
            names.append(" ".join(m.group("name").split()))
            if (a := _PAREN_ACRONYM.match(head, m.end())) is not None:
                names.append(a.group("name"))
        if not names:
            continue
        held = {int(y) for y in _YEAR.findall(raw)}
        entry_words = set(title_words(raw).split())
        for name in names:
            years.setdefault(name, set()).update(held)
            words.setdefault(name, set()).update(entry_words)
    return {
        n: _Body(
            frozenset(years[n]),
            frozenset(words[n] - openings) | frozenset(title_words(n).split()),
        )
        for n in years
    }


def _organisation(name: str) -> bool:
    """Whether a run opening an entry reads as a body's name, not a person's ("Smith
    AB"): two words or more, no initials, every word capitalised or a linking word --
    or, as French, Italian, Portuguese and Spanish write a body's name in sentence case
    ("Organisation mondiale de la santé", "Institut national de la statistique"), a
    capitalised first word and two or more significant words in all."""
    words = name.split()
    if len(words) < 2 or len(words) > _LONGEST:
        return False
    for word in words:
        if word.lower() in _LINKING:
            continue
        if len(word) < 3 or word.isupper():
            return False
    if all(w[:1].isupper() for w in words if w.lower() not in _LINKING):
        return True
    return sum(1 for w in words if w.lower() not in _LINKING) >= 2


def _sentence_case(name: str) -> bool:
    """Whether a body's name holds a lower-case word that is no linking word
    ("Organisation mondiale de la santé"): no author-year reader takes such a name,
    so this reader takes it touching its year too."""
    return any(not w[:1].isupper() and w.lower() not in _LINKING for w in name.split()[1:])


def _before(
    text: str, at: int, bodies: dict[str, _Body], by_first: dict[str, list[str]]
) -> tuple[str, int, int] | None:
    """The body named a few words before the parenthesis at `at`: "the IUCN criteria (2014)"."""
    window_start = max(text.rfind("\n", max(at - _WINDOW, 0), at) + 1, at - _WINDOW, 0)
    window = text[window_start:at]
    if not window.endswith((" ", "\t")) or window.rstrip()[-1:] in ".;:!?":
        return None
    words = [_unelided(w.group(), window_start + w.start()) for w in _WORD.finditer(window)]
    # from the nearest start, at least one word between the name and the year -- none
    # for a name in sentence case, which no author-year reader takes
    # (a long name starts further back than `_REACH` words: its own words come first)
    for k in range(len(words) - 1, max(len(words) - _REACH - _LONGEST, 0) - 1, -1):
        if k + 1 < len(words) and any(c in text[words[k][1] : words[k + 1][1]] for c in ".;:!?"):
            return None  # another sentence or clause
        for name in by_first.get(words[k][0], _NO_NAMES):
            count = len(name.split())
            touching = k + count == len(words)
            if (
                k + count > len(words)
                or len(words) - k - count > _REACH
                or (touching and not _sentence_case(name) and count <= _NARRATIVE_WORDS)
            ):
                continue
            if " ".join(w for w, _ in words[k : k + count]) != name:
                continue
            body = bodies[name]
            if not _belongs(words[k + count :], body):
                continue
            return name, words[k][1], text.index(")", at) + 1
    return None


# An elided article or preposition before a name: "l'Organisation", "L'Institut",
# "dell'Istituto", "d'Estadística" -- the name starts after the apostrophe.
_ELISION = re.compile(r"(?:[LlDd]|[Dd]ell|[Nn]ell|[Aa]ll|[Dd]all|[Ss]ull|[Qq]u)['’](?=[A-ZÀ-Þ])")


def _unelided(word: str, start: int) -> tuple[str, int]:
    elided = _ELISION.match(word)
    if elided is None:
        return word, start
    return word[elided.end() :], start + elided.end()


def _after(
    text: str, end: int, open_at: int, bodies: dict[str, _Body]
) -> tuple[str, int, int] | None:
    """The body named just after the parenthesis: "Censo (2010) do IBGE"."""
    m = _AFTER.match(text, end, min(end + _WINDOW, len(text)))
    if m is None:
        return None
    name = m.group("name")
    body = bodies.get(name)
    if body is None:
        return None
    window_start = max(
        text.rfind("\n", max(open_at - _WINDOW, 0), open_at) + 1, open_at - _WINDOW, 0
    )
    before = [(w.group(), 0) for w in _WORD.finditer(text[window_start:open_at])]
    if not before or not _belongs(before[-2:], body):
        return None
    # the parenthesis alone: the name may open the next narrative ("do IBGE e de Brook (2011)")
    return name, open_at, end


def _belongs(between: list[tuple[str, int]], body: _Body) -> bool:
    """Whether the words between a body's name and the year are its entry's: any word
    in lower case, and every capitalised one found in the entry ("Red List"); never a
    word joining names ("SILVA e SOUZA (2010)" is a narrative of two authors)."""
    return all(
        word.lower() not in AND_WORDS
        and (not word[:1].isupper() or all(w in body.words for w in title_words(word).split()))
        for word, _ in between
    )
