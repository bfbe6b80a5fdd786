"""Pandoc citations: ``[@key]``, ``[see @a, p. 3; -@b]``, narrative ``@key`` and braces.

A narrative ``@key`` counts only after whitespace, an opening bracket or the start
of a line, so e-mail addresses (``name@example.org``) and URLs (``medium.com/@x``)
stay out. Braced keys are read both as Pandoc writes them (``@{key}``) and as
``{@key}``. Every Citation has ``command="pandoc"``.

Linear on hostile input: a bracket is matched without a second quantifier around
its ``@`` (``[`` then thousands of ``@`` and no ``]`` was quadratic), and offsets are
looked up in code spans by bisection.
"""

from __future__ import annotations

import re
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker, SpanIndex, shown
from citeaudit.manuscript.citations.markup import code_spans
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Citation, CitationKind

# Pandoc: a key starts with a letter, digit or "_" and may hold internal punctuation.
_KEY = r"(?:\{(?P<braced>[^{}\s]+)\}|(?P<plain>[\w](?:[\w]|[:.#$%&\-+?<>~/](?=[\w]))*))"
_ITEM_KEY = re.compile(r"(?:^|(?<=[\s\[;]))(?P<suppress>-?)@" + _KEY)
_BRACKET = re.compile(r"\[(?P<body>[^\[\]\n]*)\](?!\()")
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
        code = SpanIndex(code_spans(text))
        found: list[Marker] = []
        taken = SpanIndex()
        for m in _BRACKET.finditer(text):
            if "@" not in m.group("body") or code.covers(m.start()):
                continue
            keys = _bracket_keys(m.group("body"))
            if not keys:
                continue
            taken.add(m.start(), m.end())
            found.append(_marker(document, m.start(), m.end(), keys, narrative=False))
        for m in _NARRATIVE.finditer(text):
            if code.covers(m.start()) or taken.covers(m.start()):
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
                key=key,
                narrative=narrative,
                command="pandoc",
            )
            for key in keys
        ),
    )
