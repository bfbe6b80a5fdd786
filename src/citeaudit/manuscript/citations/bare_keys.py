"""Pandoc citation keys written without their ``@``: ``[jones2019]``, ``[smith_lee2020; park2018]``.

Pandoc cites only ``[@key]``; a bracket of bare keys is printed as written, so the
reader sees "[jones2019]" in the output. Read as author-year text it became a
citation of "Jones 2019" -- a "missing reference" when the list spells the work
otherwise, and no word about the real slip. Such a bracket is its own thing: every
citation it holds has ``command == BARE_KEY`` and its key, the pandoc-citation-
without-at rule reports it once, and the matcher links it (by key, else by the name
and year the key is made of) so its entry is not called uncited.

Only a bracket whose every item (``;`` or ``,`` between them) is one token shaped as
a key is read: a letter first, no space, two letters or more and then a year
(1500-2039) not glued to other digits (``jones2019``, ``smith_lee2020a``,
``smithWealthNations1776``, ``Lee:2004``). Ordinary bracketed text -- ``[sic]``,
``[Figure 2]``, ``[2019 data]``, ``[Smith 2019]``, ``[COVID-19]``, ``[ISO8601]`` -- has a
space, no year, or a year alone; a head all in capitals (``[CVPR2019]``,
``[ISO2019]``) is a conference or a standard. A Markdown link (``[text](url)``, ``[text][ref]``,
a label defined as ``[label]: url``), an image, a footnote (``[^n2019]``) and a
bracket after ``@`` or ``\\`` are left alone. Linear: one pass of a bounded bracket
pattern with no nested quantifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.citations.markup import code_index, link_syntax_around
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Certainty, Citation, CitationKind

BARE_KEY = "pandoc-without-at"  # Citation.command of a key found so

_BRACKET = re.compile(r"\[([^\[\]\n]{1,300})\]")
_TOKEN = re.compile(r"[A-Za-z][\w:.\-]{2,80}")
_KEY_YEAR = re.compile(r"(?<=[A-Za-z_:\-])(?<!\d)(1[5-9]\d\d|20[0-3]\d)(?!\d)")
_LINK_LABEL = re.compile(r"^[ ]{0,3}\[([^\[\]\n]{1,300})\]:", re.MULTILINE)
_CAMEL = re.compile(r"^[a-z]+(?=[A-Z])")
_ET_AL_PARTS = frozenset({"etal", "et", "al", "ea"})


@dataclass(frozen=True, slots=True)
class KeyParts:
    """The names and year a key is made of: ``smith_lee2020a`` -> (smith, lee), 2020, a."""

    authors: tuple[str, ...]
    et_al: bool
    year: int
    suffix: str | None


def key_parts(key: str) -> KeyParts | None:
    """What a bare key says of its work, or None when it is not shaped as a key."""
    if _TOKEN.fullmatch(key) is None:
        return None
    year = _KEY_YEAR.search(key)
    if year is None:
        return None
    head = key[: year.start()]
    letters = [c for c in head if c.isalpha()]
    if len(letters) < 2 or "".join(letters).isupper():
        return None  # "[v2019]"; "[CVPR2019]", "[ISO2019]": a conference, a standard
    camel = _CAMEL.match(head)
    if camel is not None:  # Better BibTeX "smithWealthNations1776": the name first
        head = camel.group()
    words = [w for w in re.split(r"[_:.\-]+", head.casefold()) if w]
    et_al = any(w in _ET_AL_PARTS for w in words)
    names = tuple(w for w in words if w not in _ET_AL_PARTS and w.isalpha())
    if not names:
        return None
    after = key[year.end() :]
    suffix = after if len(after) == 1 and after.islower() else None
    return KeyParts(names, et_al, int(year.group(1)), suffix)


class BareKeyExtractor(CitationExtractor):
    syntax: ClassVar[str] = "pandoc-without-at"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        """The markers, yielded as found (`extract_at_most` holds only those it keeps)."""
        text = document.text
        if "[" not in text:
            return
        code = code_index(text)  # compact: a page may be all code spans
        labels = {m.group(1).casefold() for m in _LINK_LABEL.finditer(text)}
        for m in _BRACKET.finditer(text):
            start, end = m.span()
            if link_syntax_around(text, start, end):
                continue  # a link, a reference link, a definition, attributes
            body = m.group(1)
            if body.startswith("^") or body.casefold() in labels or code.covers(start):
                continue
            keys = _keys(body)
            if keys:
                yield _marker(document, start, end, keys)


def _keys(body: str) -> list[tuple[str, KeyParts]]:
    """The keys of a bracket, or [] when any item is not a bare key."""
    items = [item.strip() for item in re.split(r"[;,]", body)]
    keys: list[tuple[str, KeyParts]] = []
    for item in items:
        parts = key_parts(item)
        if parts is None:
            return []
        keys.append((item, parts))
    return keys


def _marker(document: Document, start: int, end: int, keys: list[tuple[str, KeyParts]]) -> Marker:
    text = shown(document.text[start:end])
    location = document.location_at(start)
    return Marker(
        start,
        end,
        tuple(
            Citation(
                id="",
                text=text,
                location=location,
                kind=CitationKind.KEY,
                item=key,
                authors=parts.authors,
                et_al=parts.et_al,
                year=parts.year,
                year_suffix=parts.suffix,
                key=key,
                command=BARE_KEY,
                certainty=Certainty.SURE,
            )
            for key, parts in keys
        ),
    )
