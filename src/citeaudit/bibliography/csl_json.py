"""CSL-JSON files (Zotero, Pandoc, citeproc): a list of items, or {"items": [...]}.

Items are decoded one by one with `json.JSONDecoder.raw_decode`, so each Reference
knows the line its item starts on, and a syntax error loses only the items from the
broken one on, not the whole file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from citeaudit.bibliography.entry_ids import entry_id
from citeaudit.bibliography.interface import Bibliography, BibliographyReader, ParseProblem
from citeaudit.bibliography.limits import (
    MAX_ENTRIES,
    PersonBudget,
    ProblemTally,
    aliases_cut,
    entries_cut,
)
from citeaudit.bibliography.loading import read_text, with_problems
from citeaudit.doi import normalize_doi
from citeaudit.encodable import encodable
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference

__all__ = [
    "MAX_INT_DIGITS",
    "MAX_ITEM_CHARS",
    "CslJsonReader",
    "csl_item_reference",
    "parse_csl_json",
]

_KINDS = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "article": "article",
    "book": "book",
    "chapter": "chapter",
    "entry-encyclopedia": "chapter",
    "entry-dictionary": "chapter",
    "paper-conference": "paper-conference",
    "thesis": "thesis",
    "report": "report",
    "webpage": "webpage",
    "post-weblog": "webpage",
    "post": "webpage",
    "dataset": "dataset",
    "software": "software",
    "manuscript": "manuscript",
    "patent": "patent",
}
_CONSUMED = {
    "id",
    "type",
    "author",
    "editor",
    "title",
    "container-title",
    "issued",
    "volume",
    "issue",
    "page",
    "publisher",
    "DOI",
    "URL",
}
_WHITESPACE = re.compile(r"\s+")
# A number this long is no CSL value; kept as its digits, since Python refuses to
# convert integers over 4,300 digits to and from text (the YAML reader keeps it too).
MAX_INT_DIGITS = 100
_YEAR_TEXT = re.compile(r"^\s*(-?[0-9]{1,4})\s*$")
# A string (unrolled, so linear), a bracket, or a quote that opens a string never closed.
_STRUCTURE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]|"')


def _int(digits: str) -> int | str:
    return int(digits) if len(digits) <= MAX_INT_DIGITS else digits


_DECODER = json.JSONDecoder(parse_int=_int)


class CslJsonReader(BibliographyReader):
    format: ClassVar[str] = "csl-json"
    extensions: ClassVar[tuple[str, ...]] = (".json", ".csljson", ".csl-json")

    def read(self, path: Path) -> Bibliography:
        decoded = read_text(path)
        return with_problems(parse_csl_json(decoded.text, str(path)), decoded)


class _Lines:
    """Line numbers of offsets met in increasing order, in one pass over the text.

    Counting from the start for each item made a file of many items quadratic.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._offset = 0
        self._line = 1

    def at(self, offset: int) -> int:
        if offset < self._offset:  # not expected; still right, just slower
            return self._text.count("\n", 0, offset) + 1
        self._line += self._text.count("\n", self._offset, offset)
        self._offset = offset
        return self._line


def parse_csl_json(text: str, source: str) -> Bibliography:
    """A Bibliography from CSL-JSON text; `source` names the file in locations."""
    tally = ProblemTally(source)  # `limits`: "[1,1,1,…]" is one problem an item
    problems = tally.problems
    references: list[Reference] = []
    cut: tuple[ParseProblem, ...] = ()
    lines = _Lines(text)
    persons = PersonBudget()  # `limits`: an item of a million authors keeps a few thousand
    for offset, end, item in _items(text, source, problems, lines):
        tally.entries = len(references)
        tally.trim()
        location = Location(source, lines.at(offset))
        if len(references) >= MAX_ENTRIES:
            cut = (entries_cut(source, location.line or 1),)
            break
        raw = encodable(text[offset:end])
        if not isinstance(item, dict):
            problems.append(
                ParseProblem(
                    location,
                    f"item is a JSON {type(item).__name__}, not a CSL item (an object)",
                    raw,
                )
            )
            continue
        references.append(_reference(item, raw, len(references) + 1, location, problems, persons))
    tally.entries = len(references)
    found = (*tally.final(), *persons.problem(source), *cut)
    return Bibliography(source, CslJsonReader.format, tuple(references), found)


def _items(
    text: str, source: str, problems: list[ParseProblem], lines: _Lines
) -> Iterator[tuple[int, int, Any]]:
    """(start, end, item) for each element of the items array, as far as the JSON is valid.

    The json module recurses once per level of nesting: an item nested deeper than
    Python's recursion limit (about 1,000 levels; no CSL item has more than a few) is
    skipped with a problem, and the items after it are still read.
    """
    try:
        start = _array_start(text)
        if start is None:
            problems.append(
                ParseProblem(
                    Location(source, 1),
                    'not CSL-JSON: expected a list of items or an object with "items"',
                )
            )
            return
        pos = _skip(text, start + 1)
        if pos < len(text) and text[pos] == "]":
            return
        window = _Window(text)
        while True:
            try:
                decoded = window.decode(pos)
            except RecursionError:
                end = _deep_value_end(text, pos)
                problems.append(
                    ParseProblem(
                        Location(source, lines.at(pos)),
                        "item is nested too deeply to read (no CSL item is nested more "
                        "than a few levels); it is not read",
                        encodable(text[pos : min(end, pos + 200)]),
                    )
                )
            else:
                if decoded is None:  # longer than any item: stepped over, never built
                    end = _deep_value_end(text, pos)
                    problems.append(_too_long(source, lines.at(pos), text, pos, end))
                else:
                    item, end = decoded
                    yield pos, end, item
            pos = _skip(text, end)
            if pos < len(text) and text[pos] == ",":
                pos = _skip(text, pos + 1)
                continue
            if pos < len(text) and text[pos] == "]":
                return
            raise json.JSONDecodeError("Expected ',' or ']' after an item", text, pos)
    except json.JSONDecodeError as error:
        line_start = text.rfind("\n", 0, error.pos) + 1
        line_end = text.find("\n", error.pos)
        problems.append(
            ParseProblem(
                Location(source, error.lineno, error.colno),
                f"invalid JSON: {error.msg} (line {error.lineno}, column {error.colno}); "
                "items from here on are not read",
                encodable(text[line_start : line_end if line_end >= 0 else len(text)][:200]),
            )
        )
    except _Unclosed as error:
        problems.append(
            ParseProblem(
                Location(source, lines.at(error.pos)),
                "JSON nested too deeply to read, and not closed; items from here on are not read",
            )
        )


# Characters one item may hold. The json module builds a value whole, at 20 to 40
# bytes a character for a flood of small values ("[]," is a 56-byte list): one item
# of 10 MB of empty lists peaked at ~250 MB, the 20 MB an upload may be at ~500 MB, and
# the CLI's 200 MB at gigabytes -- one item, under every entry cap. A real item holds a
# few KB (an abstract is ~5,000 characters); a longer one is stepped over unbuilt.
MAX_ITEM_CHARS = 1_000_000
_LONGEST_LITERAL = len("-Infinity")


class _Window:
    """Items decoded from a copy of at most `MAX_ITEM_CHARS` characters of the text.

    `json` decodes to the end of a value however far that is, so an item's length is
    known only once it is built. Decoding from a window bounds what one item may build:
    an item that runs past the window's end is tried again in a window starting at it,
    and one that runs past that window too is longer than `MAX_ITEM_CHARS` (None: its
    caller steps over it). Each new window starts at an item that did not fit the last,
    so the copies add up to about twice the text: linear."""

    __slots__ = ("_end", "_start", "_text", "_window")

    def __init__(self, text: str) -> None:
        self._text = text
        self._start = 0
        self._end = 0
        self._window = ""

    def decode(self, pos: int) -> tuple[Any, int] | None:
        """(item, end in the text) of the item at `pos`, or None when it is too long.
        A JSON error is the whole text's (raised by decoding the text itself)."""
        text = self._text
        if len(text) - pos <= MAX_ITEM_CHARS:  # the rest fits: no window needed
            item, end = _DECODER.raw_decode(text, pos)
            return item, end
        for attempt in (0, 1):
            if attempt or not self._start <= pos < self._end:
                self._start, self._end = pos, min(len(text), pos + MAX_ITEM_CHARS)
                self._window = text[self._start : self._end]
            try:
                item, end = _DECODER.raw_decode(self._window, pos - self._start)
            except json.JSONDecodeError as error:
                # Cut by the window: a string it ends in (an unterminated string is
                # met only at an end: a raw line break in one is an error there), or
                # an error within a literal's length of its end ("tru" of "true").
                cut = error.msg.startswith("Unterminated string")
                if not cut and error.pos < len(self._window) - _LONGEST_LITERAL:
                    item, end = _DECODER.raw_decode(text, pos)  # the error, at its line
                    return item, end
            else:
                if end < len(self._window):  # a number at the window's end may go on
                    return item, self._start + end
            if self._start == pos:
                return None
        return None


def _too_long(source: str, line: int, text: str, pos: int, end: int) -> ParseProblem:
    return ParseProblem(
        Location(source, line),
        f"item is {end - pos:,} characters long, longer than any CSL item "
        f"({MAX_ITEM_CHARS:,} at most); it is not read",
        encodable(text[pos : pos + 200]),
    )


class _Unclosed(Exception):
    """A value too deep to decode that never closes: nothing after it can be read."""

    def __init__(self, pos: int) -> None:
        self.pos = pos


def _deep_value_end(text: str, pos: int) -> int:
    """The end of an array or object too deep for the decoder, found by one linear scan.

    Only strings and brackets are looked at (the scan neither decodes nor validates):
    enough to step over the value and read on. Raises `_Unclosed` when it never closes.
    """
    depth = 0
    for token in _STRUCTURE.finditer(text, pos):
        char = token.group()
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth <= 0:
                return token.end()
        elif char == '"':
            break  # a string that never closes
    raise _Unclosed(pos)


def _skip_value(text: str, pos: int) -> int:
    """The end of the JSON value at `pos` (one that is not the items)."""
    try:
        return int(_DECODER.raw_decode(text, pos)[1])
    except RecursionError:
        return _deep_value_end(text, pos)


def _array_start(text: str) -> int | None:
    """Offset of the items array's "[": the top-level array, or the "items" value."""
    pos = _skip(text, 0)
    if pos >= len(text):
        return None
    if text[pos] == "[":
        return pos
    if text[pos] != "{":
        raise json.JSONDecodeError("Expected '[' or '{'", text, pos)
    pos = _skip(text, pos + 1)
    while pos < len(text) and text[pos] != "}":
        if text[pos] != '"':
            raise json.JSONDecodeError("Expected a property name in double quotes", text, pos)
        key, pos = _DECODER.raw_decode(text, pos)
        pos = _skip(text, pos)
        if pos >= len(text) or text[pos] != ":":
            raise json.JSONDecodeError("Expected ':'", text, pos)
        pos = _skip(text, pos + 1)
        if key == "items" and pos < len(text) and text[pos] == "[":
            return pos
        pos = _skip(text, _skip_value(text, pos))
        if pos < len(text) and text[pos] == ",":
            pos = _skip(text, pos + 1)
    return None


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n\r":
        pos += 1
    return pos


def _reference(
    item: dict[str, Any],
    raw: str,
    index: int,
    location: Location,
    problems: list[ParseProblem],
    budget: PersonBudget,
) -> Reference:
    key = _string(item.get("id")) or None
    ids = item.get("ids")  # old keys, as biblatex's: the audit's key index holds each
    if isinstance(ids, str) and (cut := aliases_cut(ids, location, key or "")) is not None:
        item = {**item, "ids": cut[0]}
        problems.append(cut[1])
    year, suffix, no_date = _issued(item.get("issued"), location, raw, problems)
    doi_raw = _string(item.get("DOI")) or None
    url = _string(item.get("URL"))
    return Reference(
        id=entry_id(key) if key else f"ref-{index}",  # bounded: copied into every match
        index=index,
        location=location,
        raw=raw,
        key=key,
        kind=_KINDS.get(_string(item.get("type")), _string(item.get("type")) or None),
        authors=_persons(item.get("author"), budget, location.line),
        editors=_persons(item.get("editor"), budget, location.line),
        year=year,
        year_suffix=suffix,
        no_date=no_date,
        title=_string(item.get("title")) or None,
        container=_string(item.get("container-title")) or None,
        volume=_string(item.get("volume")) or None,
        issue=_string(item.get("issue")) or None,
        pages=_string(item.get("page")) or None,
        publisher=_string(item.get("publisher")) or None,
        doi=normalize_doi(doi_raw) if doi_raw else None,
        doi_raw=doi_raw,
        urls=(url,) if url else (),
        extra=tuple(
            (encodable(name), _string(value))
            for name, value in item.items()
            if name not in _CONSUMED and _string(value)
        ),
    )


def csl_item_reference(
    item: dict[str, Any],
    raw: str,
    index: int,
    location: Location,
    problems: list[ParseProblem],
    budget: PersonBudget | None = None,
) -> Reference:
    """The Reference a CSL item (a mapping, from JSON or YAML) describes; problems with
    its fields are appended to `problems`. `budget`: the file's persons read so far
    (`limits.PersonBudget`; None: the item's own, a list still cut at its cap)."""
    return _reference(item, raw, index, location, problems, budget or PersonBudget())


def _string(value: Any) -> str:
    """A scalar field as text; CSL processors accept numbers and lists of one string."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        return ""
    # str() of a float is bounded; a long integer stayed its digits (see _int)
    return encodable(_WHITESPACE.sub(" ", str(value)).strip())


def _persons(value: Any, budget: PersonBudget, line: int | None) -> tuple[Person, ...]:
    """A name list's persons, at most the file's budget allows (`limits.PersonBudget`)."""
    if not isinstance(value, list):
        return ()
    persons: list[Person] = []
    cap, cut = budget.cap, False
    for name in value:
        if not isinstance(name, dict):
            continue
        if len(persons) >= cap:
            cut = True
            break
        literal = _string(name.get("literal"))
        family = " ".join(
            p
            for p in (_string(name.get("non-dropping-particle")), _string(name.get("family")))
            if p
        )
        given = _string(name.get("given")) or None
        if family:
            persons.append(Person(family, given))
        elif literal:
            persons.append(Person(literal, organisation=True))
        elif given:
            persons.append(Person(given))
    budget.spend(len(persons), cut, line)
    return tuple(persons)


def _issued(
    value: Any, location: Location, raw: str, problems: list[ParseProblem]
) -> tuple[int | None, str | None, bool]:
    if not isinstance(value, dict):
        return None, None, False
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        # The first plausible year of a range ([[-1], [2017]] from some exporters: a
        # placeholder start, not 2 BCE); a year 0 or before is never shown.
        for part in parts[:_DATE_PARTS_LOOKED_AT]:
            if isinstance(part, list) and part:
                year = _year(part[0])
                if year is not None and year > 0:
                    return year, None, False
        first = parts[0][0]
        if first is not None and first != "" and _year(first) is None:  # BCE is a year
            shown = _string(first)
            shown = shown if len(shown) <= 20 else shown[:17] + "..."
            problems.append(
                ParseProblem(
                    location,
                    f"the year in issued/date-parts is {shown!r}, which is not a year "
                    "(up to four digits 0-9); the entry is read without it",
                    raw,
                )
            )
    text = _string(value.get("raw")) or _string(value.get("literal"))
    match = re.match(r"^\s*([0-9]{4})([a-z])?\b", text)
    if match:
        return int(match.group(1)), match.group(2), False
    if re.match(r"^\s*(n\.\s*d\.?|no date)\s*$", text, re.IGNORECASE):
        return None, None, True
    return None, None, False


_DATE_PARTS_LOOKED_AT = 4  # a range has two; more is no date


def _year(value: Any) -> int | None:
    """A date-parts year: an integer or its digits, at most four of them (BCE negative).

    ``str.isdigit`` would take "²" (and ``int`` then refuse it); only 0-9 count.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return value if -9999 <= value <= 9999 else None
    if isinstance(value, str):
        match = _YEAR_TEXT.match(value)
        return int(match.group(1)) if match else None
    return None
