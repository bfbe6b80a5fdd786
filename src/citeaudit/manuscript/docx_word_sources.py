"""Word's own citations: the ``CITATION`` field and the sources it names.

Why: Word's References tab writes each citation as a field ``CITATION Smi19 \\l 1033``
(more works: ``\\m Lee20``) whose result is what the reader sees, and keeps each
source -- authors, year, title, DOI -- under its tag in a custom XML part
(``customXml/item1.xml``, a ``b:Sources`` element). Read from the shown text alone,
an edited result broke the link to the list; the sources say which work the author
chose, as Zotero's field data do.

Hostile input is bounded: only parts whose root is ``b:Sources`` are read (each
already refused unread if it declares a document type or holds too many tags),
`MAX_SOURCES` sources in all, `MAX_TAGS_PER_FIELD` works per field; text is cut to
a few hundred characters a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from citeaudit.manuscript.docx_field_citation import FieldItem

__all__ = ["MAX_SOURCES", "WORD_CITATION", "citation_tags", "lookup", "word_sources"]

_B = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"
MAX_SOURCES = 5_000  # a thesis cites a few hundred
MAX_TAGS_PER_FIELD = 200
_MAX_NAMES = 200
WORD_CITATION = re.compile(r"\s*CITATION\s++", re.IGNORECASE)
# a switch and its argument: "\l 1033", "\p 12-14", "\m Lee20", "\n", "\f "see ""
_SWITCH = re.compile(r'\\([a-zA-Z])(?:\s++("[^"]*+"|[^\s\\]++))?')
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_DOI = re.compile(r"10\.\d{4,9}/[^\s\"<>]++", re.IGNORECASE)
# the roles whose people are the work's authors, in the order Word falls back on them
_ROLES = ("Author", "Editor", "Compiler", "Artist", "Composer", "Director", "Inventor")


def _b(local: str) -> str:
    return f"{{{_B}}}{local}"


def citation_tags(code: str) -> list[str]:
    """The source tags a ``CITATION`` field names: the first word, then each ``\\m``'s.

    "" when the code names none (an empty field)."""
    head = WORD_CITATION.match(code)
    if head is None:
        return []
    rest = code[head.end() :]
    first = re.match(r'"([^"]*+)"|([^\s\\]++)', rest)
    tags: list[str] = []
    if first is not None:
        tags.append(first.group(1) if first.group(1) is not None else first.group(2))
        rest = rest[first.end() :]
    for switch in _SWITCH.finditer(rest):
        if len(tags) >= MAX_TAGS_PER_FIELD:
            break
        if switch.group(1).lower() == "m" and switch.group(2):
            tags.append(switch.group(2).strip('"'))
    return [t for t in tags if t]


def word_sources(roots: Iterable[Any]) -> dict[str, FieldItem]:
    """The sources of the parts whose root is ``b:Sources``, by tag (as written and
    case-folded: Word matches tags whatever their case)."""
    sources: dict[str, FieldItem] = {}
    for root in roots:
        if root is None or root.tag != _b("Sources"):
            continue
        for source in root.iterfind(_b("Source")):
            if len(sources) >= 2 * MAX_SOURCES:
                return sources
            tag = _text(source.find(_b("Tag")))
            if not tag:
                continue
            item = _source(source)
            sources.setdefault(tag, item)
            sources.setdefault(tag.casefold(), item)
    return sources


def lookup(sources: Mapping[str, FieldItem], tag: str) -> FieldItem:
    """The source under `tag`; an empty item (no usable data) when none is."""
    return sources.get(tag) or sources.get(tag.casefold()) or FieldItem()


def _source(source: Any) -> FieldItem:
    authors: list[str] = []
    group = source.find(_b("Author"))
    if group is not None:
        for role in _ROLES:
            authors = _people(group.find(_b(role)))
            if authors:
                break
    year = _first_year(_text(source.find(_b("Year"))))
    title = _text(source.find(_b("Title")))
    doi = _DOI.search(_text(source.find(_b("DOI"))))
    return FieldItem(
        authors=tuple(authors),
        year=year,
        title=title,
        doi=doi.group(0).rstrip(".,;)").lower() if doi else "",
    )


def _people(role: Any) -> list[str]:
    """A role's family names in order, or its organisation."""
    if role is None:
        return []
    corporate = _text(role.find(_b("Corporate")))
    if corporate:
        return [corporate[:200]]
    names: list[str] = []
    listed = role.find(_b("NameList"))
    if listed is None:
        return names
    for person in listed.iterfind(_b("Person")):
        if len(names) >= _MAX_NAMES:
            break
        last = _text(person.find(_b("Last")))
        if last:
            names.append(last[:200])
    return names


def _first_year(text: str) -> int | None:
    found = _YEAR.search(text[:200])
    return int(found.group(1)) if found else None


def _text(node: Any) -> str:
    if node is None:
        return ""
    return " ".join("".join(node.itertext())[:2_000].split())[:500]
