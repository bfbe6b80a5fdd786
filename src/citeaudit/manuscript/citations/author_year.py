"""Author-year citations: ``(Smith, 2019; Lee & Park, 2020a, p. 4)`` and ``Smith (2019)``.

Parenthetical markers are kept when every part before the year looks like author
names (see `names.py`); a bare ``(2019)`` is not a citation on its own. Narrative
markers (``Smith (2019)``) are only *candidates*: a capitalised word before a year in
parentheses is as often a country or a list item ("Georgia (1993)",
"LITUANIA (2004)"). They are returned with ``narrative=True`` and, unless they say
"et al.", `citeaudit.citation_matching.match_citations` keeps them only when their
name is an author in the bibliography.
"""

from __future__ import annotations

import re
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker
from citeaudit.manuscript.citations.markup import blank_markup, code_spans, inside
from citeaudit.manuscript.citations.names import (
    CONNECTORS,
    PARTICLES,
    clean_word,
    is_initial,
    parse_names,
    valid_name,
)
from citeaudit.manuscript.citations.years import YEAR, YearLabel, parse_years
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Citation, CitationKind
from citeaudit.model.location import Location

_PAREN = re.compile(r"\(([^()]{1,400})\)")
_PREFIX = re.compile(
    r"^(?:see(?:\s+also)?|e\.\s?g\.|i\.\s?e\.|cf\.|compare|lihat(?:\s+juga)?|misalnya|"
    r"vgl\.|siehe(?:\s+auch)?|z\.\s?B\.|véase|voir|for\s+example|for\s+instance|"
    r"(?:as\s+)?cited\s+in|dikutip\s+dalam|dalam|in)\s*,?\s+",
    re.IGNORECASE,
)
_LOWER_LEAD = re.compile(r"^(?:[a-z]+\s+){0,4}[a-z]+,\s+(?=[^\W\d_])")
_LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*+•])\s+")
_AND_WORDS = frozenset({"and", "dan", "y", "e", "und", "et"})
_NARRATIVE_TAIL = re.compile(r"^\s*(?:[,:]\s*[^()]*)?$")
_SECONDARY = re.compile(
    r"^[,:]?\s*(?:as\s+cited\s+in|cited\s+in|quoted\s+in|dikutip\s+dalam|dalam|zit\.\s+n\.)"
    r"\s+(.+)$",
    re.IGNORECASE,
)
_TIGHT = re.compile(r"\s+([,;:])")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?|&|,|\S+")


class AuthorYearExtractor(CitationExtractor):
    syntax: ClassVar[str] = "author-year"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> list[Marker]:
        text = document.text
        clean = blank_markup(text)
        code = code_spans(text)
        found: list[Marker] = []
        for m in _PAREN.finditer(clean):
            if inside(code, m.start()):
                continue
            marker = _parenthetical(document, m) or _narrative(document, clean, m)
            if marker is not None:
                found.append(marker)
        return found


def _strip_prefix(item: str) -> str:
    for _ in range(3):
        stripped = _PREFIX.sub("", item, count=1)
        stripped = _LOWER_LEAD.sub("", stripped, count=1)
        if stripped == item:
            break
        item = stripped
    return item


def _parenthetical(document: Document, m: re.Match[str]) -> Marker | None:
    start, end = m.start(), m.end()
    marker_text = document.text[start:end]
    location = document.location_at(start)
    citations: list[Citation] = []
    previous: tuple[str, tuple[str, ...], bool] | None = None
    pending = [" ".join(raw.split()) for raw in m.group(1).split(";")]
    while pending:
        item = _strip_prefix(pending.pop(0))
        parsed_item = _item(item, previous)
        if parsed_item is None:
            previous = None
            continue
        name_text, authors, et_al, labels, rest = parsed_item
        previous = (name_text, authors, et_al)
        for label in labels:
            work = item if len(labels) == 1 else f"{name_text}, {label.text}"
            work = _TIGHT.sub(r"\1", work)
            citations.append(_citation(marker_text, location, work, authors, et_al, label, False))
        secondary = _SECONDARY.match(rest)
        if secondary:  # "(Smith, 2019, as cited in Lee, 2020)": Lee 2020 is cited too
            pending.insert(0, secondary.group(1))
    if not citations:
        return None
    return Marker(start, end, tuple(citations))


def _item(
    item: str, previous: tuple[str, tuple[str, ...], bool] | None
) -> tuple[str, tuple[str, ...], bool, list[YearLabel], str] | None:
    """One work of a parenthetical: names, years and what follows (a locator)."""
    year_at = YEAR.search(item)
    if year_at is None:
        return None
    if year_at.start() == 0:
        if previous is None:
            return None
        name_text, authors, et_al = previous  # "(Smith, 2019; 2020)"
    else:
        names = parse_names(item[: year_at.start()])
        if names is None:
            return None
        authors, et_al = names
        name_text = item[: year_at.start()].strip(" ,")
    parsed = parse_years(item, year_at.start())
    if parsed is None:
        return None
    labels, years_end = parsed
    rest = item[years_end:].strip()
    if rest and rest[0] not in ",:":
        return None  # "(Uzbekistan joined in 2006 and left in 2012)": a clause
    return name_text, authors, et_al, labels, rest


def _narrative(document: Document, clean: str, m: re.Match[str]) -> Marker | None:
    inner = m.group(1)
    parsed = parse_years(inner.strip())
    if parsed is None:
        return None
    labels, years_end = parsed
    if not _NARRATIVE_TAIL.match(inner.strip()[years_end:]):
        return None
    line_start = clean.rfind("\n", 0, m.start()) + 1
    prefix = clean[line_start : m.start()]
    found = _names_before(prefix)
    if found is None:
        return None
    name_offset, authors, et_al = found
    start = line_start + name_offset
    while start > line_start and document.text[start - 1] in "*_":
        start -= 1  # the marker includes the name's emphasis: "*NATO* (2022)"
    line_rest = clean[m.end() : _line_end(clean, m.end())]
    if _LIST_ITEM.match(clean[line_start:start] + " ") and not line_rest.strip(" .,;:"):
        return None  # "12. SPANYOL (1982)": a list item, not a citation
    marker_text = document.text[start : m.end()]
    location = document.location_at(start)
    citations = tuple(
        _citation(
            marker_text,
            location,
            marker_text if len(labels) == 1 else f"{' '.join(authors)} ({label.text})",
            authors,
            et_al,
            label,
            True,
        )
        for label in labels
    )
    return Marker(start, m.end(), citations)


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def _names_before(prefix: str) -> tuple[int, tuple[str, ...], bool] | None:
    """Author names that end `prefix` (the text before a year in parentheses)."""
    body = prefix.rstrip()
    possessive = re.search(r"['’]s?$", body)
    if possessive:
        body = body[: possessive.start()]
    tokens = [(t.group(), t.start()) for t in _TOKEN.finditer(body)]
    i = len(tokens) - 1
    et_al = False
    if i >= 1 and tokens[i][0].casefold() in ("al.", "al") and tokens[i - 1][0] == "et":
        et_al, i = True, i - 2
    elif i >= 0 and tokens[i][0].casefold() in ("dkk.", "dkk"):
        et_al, i = True, i - 1
    first = _name_back(tokens, i)
    if first is None:
        return None
    names = [first]
    j = first[0] - 1
    if j >= 0 and (tokens[j][0] == "&" or tokens[j][0].casefold() in _AND_WORDS):
        k = j - 1 if j >= 1 and tokens[j - 1][0] == "," else j
        second = _name_back(tokens, k - 1)
        if second is not None:
            names.insert(0, second)
            j = second[0] - 1
            while j >= 1 and tokens[j][0] == ",":
                more = _name_back(tokens, j - 1)
                if more is None:
                    break
                names.insert(0, more)
                j = more[0] - 1
    start_token = names[0][0]
    authors = tuple(name for _, name in names)
    return tokens[start_token][1], authors, et_al


def _name_back(tokens: list[tuple[str, int]], i: int) -> tuple[int, str] | None:
    """The name ending at token `i`: (index of its first token, the name)."""
    if i < 0:
        return None
    words: list[str] = []
    j = i
    while j >= 0 and len(words) < 5:
        word = tokens[j][0]
        if not word[0].isalpha():
            break
        if word.endswith(".") and not is_initial(word) and j != i:
            break  # the end of the previous sentence
        folded = word.casefold()
        if not word[0].isupper() and folded not in PARTICLES and folded not in CONNECTORS:
            break
        if folded in _AND_WORDS:
            break
        words.insert(0, word)
        j -= 1
    while words and not words[0][0].isupper() and words[0].casefold() not in PARTICLES:
        words.pop(0)
    first = i - len(words) + 1
    # Leading initials belong to a given name ("J. Smith"): drop them.
    while words and is_initial(words[0]):
        words.pop(0)
        first += 1
    if not words:
        return None
    name = " ".join(clean_word(w) for w in words)
    if not valid_name(" ".join(words)):
        return None
    return first, name


def _citation(
    text: str,
    location: Location,
    item: str,
    authors: tuple[str, ...],
    et_al: bool,
    label: YearLabel,
    narrative: bool,
) -> Citation:
    return Citation(
        id="",
        text=text,
        location=location,
        kind=CitationKind.AUTHOR_YEAR,
        item=item,
        authors=authors,
        et_al=et_al,
        year=label.year,
        year_suffix=label.suffix,
        no_date=label.no_date,
        narrative=narrative,
    )
