"""Pandoc citations: ``[@key]``, ``[see @a, p. 3; -@b]``, narrative ``@key`` and braces.

A narrative ``@key`` counts only after whitespace, an opening bracket or the start
of a line, so e-mail addresses (``name@example.org``) and URLs (``medium.com/@x``)
stay out. Braced keys are read both as Pandoc writes them (``@{key}``) and as
``{@key}``. Every Citation has ``command="pandoc"``.
"""

from __future__ import annotations

import re
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker
from citeaudit.manuscript.citations.markup import code_spans, inside
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Citation, CitationKind

# Pandoc: a key starts with a letter, digit or "_" and may hold internal punctuation.
_KEY = r"(?:\{(?P<braced>[^{}\s]+)\}|(?P<plain>[\w](?:[\w]|[:.#$%&\-+?<>~/](?=[\w]))*))"
_ITEM_KEY = re.compile(r"(?:^|(?<=[\s\[;]))(?P<suppress>-?)@" + _KEY)
_BRACKET = re.compile(r"\[(?P<body>[^\[\]\n]*@[^\[\]\n]*)\](?!\()")
_NARRATIVE = re.compile(
    r"(?:(?<=\s)|^)@" + _KEY + r"|(?:(?<=\s)|^)\{@(?P<curly>[\w][^{}\s]*)\}",
    re.MULTILINE,
)


class PandocExtractor(CitationExtractor):
    syntax: ClassVar[str] = "pandoc"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> list[Marker]:
        text = document.text
        code = code_spans(text)
        found: list[Marker] = []
        taken: list[tuple[int, int]] = []
        for m in _BRACKET.finditer(text):
            if inside(code, m.start()):
                continue
            keys = _bracket_keys(m.group("body"))
            if not keys:
                continue
            taken.append((m.start(), m.end()))
            found.append(_marker(document, m.start(), m.end(), keys, narrative=False))
        for m in _NARRATIVE.finditer(text):
            if inside(code, m.start()) or inside(taken, m.start()):
                continue
            key = m.group("curly") or m.group("braced") or m.group("plain")
            found.append(_marker(document, m.start(), m.end(), [key], narrative=True))
        return found


def _bracket_keys(body: str) -> list[str]:
    """Keys of a bracketed citation; none when an item has no ``@key`` of its own."""
    keys: list[str] = []
    for item in body.split(";"):
        m = _ITEM_KEY.search(item.strip())
        if m is None:
            return []
        keys.append(m.group("braced") or m.group("plain"))
    return keys


def _marker(
    document: Document, start: int, end: int, keys: list[str], *, narrative: bool
) -> Marker:
    text = document.text[start:end]
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
                key=key,
                narrative=narrative,
                command="pandoc",
            )
            for key in keys
        ),
    )
