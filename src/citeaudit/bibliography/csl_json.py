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

from citeaudit.bibliography.interface import Bibliography, BibliographyReader, ParseProblem
from citeaudit.bibliography.loading import read_text, with_problems
from citeaudit.doi import normalize_doi
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference

__all__ = ["CslJsonReader", "parse_csl_json"]

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
_DECODER = json.JSONDecoder()


class CslJsonReader(BibliographyReader):
    format: ClassVar[str] = "csl-json"
    extensions: ClassVar[tuple[str, ...]] = (".json", ".csljson", ".csl-json")

    def read(self, path: Path) -> Bibliography:
        decoded = read_text(path)
        return with_problems(parse_csl_json(decoded.text, str(path)), decoded)


def parse_csl_json(text: str, source: str) -> Bibliography:
    """A Bibliography from CSL-JSON text; `source` names the file in locations."""
    problems: list[ParseProblem] = []
    references: list[Reference] = []
    for offset, end, item in _items(text, source, problems):
        line = text.count("\n", 0, offset) + 1
        location = Location(source, line)
        if not isinstance(item, dict):
            problems.append(
                ParseProblem(
                    location,
                    f"item is a JSON {type(item).__name__}, not a CSL item (an object)",
                    text[offset:end],
                )
            )
            continue
        references.append(_reference(item, text[offset:end], len(references) + 1, location))
    return Bibliography(source, CslJsonReader.format, tuple(references), tuple(problems))


def _items(text: str, source: str, problems: list[ParseProblem]) -> Iterator[tuple[int, int, Any]]:
    """(start, end, item) for each element of the items array, as far as the JSON is valid."""
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
        while True:
            item, end = _DECODER.raw_decode(text, pos)
            yield pos, end, item
            pos = _skip(text, end)
            if pos < len(text) and text[pos] == ",":
                pos = _skip(text, pos + 1)
                continue
            if pos < len(text) and text[pos] == "]":
                return
            raise json.JSONDecodeError("Expected ',' or ']' after an item", text, pos)
    except json.JSONDecodeError as error:
        problems.append(
            ParseProblem(
                Location(source, error.lineno, error.colno),
                f"invalid JSON: {error.msg} (line {error.lineno}, column {error.colno}); "
                "items from here on are not read",
                text.splitlines()[error.lineno - 1] if text.splitlines() else "",
            )
        )


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
        key, pos = _DECODER.raw_decode(text, pos)
        pos = _skip(text, pos)
        if pos >= len(text) or text[pos] != ":":
            raise json.JSONDecodeError("Expected ':'", text, pos)
        pos = _skip(text, pos + 1)
        if key == "items" and pos < len(text) and text[pos] == "[":
            return pos
        _, pos = _DECODER.raw_decode(text, pos)
        pos = _skip(text, pos)
        if pos < len(text) and text[pos] == ",":
            pos = _skip(text, pos + 1)
    return None


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n\r":
        pos += 1
    return pos


def _reference(item: dict[str, Any], raw: str, index: int, location: Location) -> Reference:
    key = _string(item.get("id")) or None
    year, suffix, no_date = _issued(item.get("issued"))
    doi_raw = _string(item.get("DOI")) or None
    url = _string(item.get("URL"))
    return Reference(
        id=key or f"ref-{index}",
        index=index,
        location=location,
        raw=raw,
        key=key,
        kind=_KINDS.get(_string(item.get("type")), _string(item.get("type")) or None),
        authors=_persons(item.get("author")),
        editors=_persons(item.get("editor")),
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
            (name, _string(value))
            for name, value in item.items()
            if name not in _CONSUMED and _string(value)
        ),
    )


def _string(value: Any) -> str:
    """A scalar field as text; CSL processors accept numbers and lists of one string."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        return ""
    return _WHITESPACE.sub(" ", str(value)).strip()


def _persons(value: Any) -> tuple[Person, ...]:
    if not isinstance(value, list):
        return ()
    persons: list[Person] = []
    for name in value:
        if not isinstance(name, dict):
            continue
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
    return tuple(persons)


def _issued(value: Any) -> tuple[int | None, str | None, bool]:
    if not isinstance(value, dict):
        return None, None, False
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        first = parts[0][0]
        if isinstance(first, int) or (isinstance(first, str) and first.strip().isdigit()):
            return int(first), None, False
    text = _string(value.get("raw")) or _string(value.get("literal"))
    match = re.match(r"^\s*(\d{4})([a-z])?\b", text)
    if match:
        return int(match.group(1)), match.group(2), False
    if re.match(r"^\s*(n\.\s*d\.?|no date)\s*$", text, re.IGNORECASE):
        return None, None, True
    return None, None, False
