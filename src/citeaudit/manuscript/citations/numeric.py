"""Numeric citations: ``[3]``, ``[1–4]``, ``[1, 5, 7]``, ``[2]–[4]``, ``[[3]](#ref3)``.

Decision: the extractor always extracts -- it cannot see the bibliography, which may
live in another file -- and stays strict about syntax so that Markdown is not read
as citations: link text ``[word](url)``, footnotes ``[^1]``, checkboxes ``[x]``,
``[@key]``, reference-link labels ``[text][1]`` and definitions ``[1]: url``, and
years in brackets ``[1998]`` are left alone. Whether numbers are citations in *this*
manuscript is decided by `citeaudit.citation_matching.match_citations`, which keeps
numeric citations only when the reference list is numbered (or numbers are the
manuscript's main citation style).
"""

from __future__ import annotations

import re
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker
from citeaudit.manuscript.citations.markup import code_spans, inside
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Citation, CitationKind

_DASH = r"\s*[-–—]\s*"
_LIST = rf"\d{{1,3}}(?:{_DASH}\d{{1,3}})?(?:\s*,\s*\d{{1,3}}(?:{_DASH}\d{{1,3}})?)*"
_NUMERIC = re.compile(
    rf"\[\[(?P<wrapped>{_LIST})\]\]\([^)\s]*\)"  # [[3]](#ref3)
    rf"|\[(?P<linked>{_LIST})\]\(#[^)\s]*\)"  # [3](#ref-3)
    rf"|\[(?P<first>\d{{1,3}})\]{_DASH}\[(?P<last>\d{{1,3}})\]"  # [2]-[4]
    rf"|\[(?P<plain>{_LIST})\](?![(\[:])"  # [3], [1-4], [1, 5, 7]
)
_MAX_RANGE = 100


class NumericExtractor(CitationExtractor):
    syntax: ClassVar[str] = "numeric"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> list[Marker]:
        text = document.text
        code = code_spans(text)
        found: list[Marker] = []
        for m in _NUMERIC.finditer(text):
            start = m.start()
            if inside(code, start) or _glued(text, start):
                continue
            if m.group("first"):
                numbers = _expand(f"{m.group('first')}-{m.group('last')}")
            else:
                body = m.group("wrapped") or m.group("linked") or m.group("plain")
                numbers = _expand(body)
            if not numbers:
                continue
            marker_text = m.group()
            location = document.location_at(start)
            citations = tuple(
                Citation(
                    id="",
                    text=marker_text,
                    location=location,
                    kind=CitationKind.NUMERIC,
                    item=str(n),
                    number=n,
                )
                for n in numbers
            )
            found.append(Marker(start, m.end(), citations))
        return found


def _glued(text: str, start: int) -> bool:
    """``array[3]``, ``][2]`` or ``![1]``: indexing, a reference link, an image."""
    if start == 0:
        return False
    before = text[start - 1]
    return before.isalnum() or before in "_]!^@"


def _expand(body: str) -> list[int]:
    numbers: list[int] = []
    for part in body.split(","):
        bounds = [int(x) for x in re.split(r"[-–—]", part.strip()) if x.strip()]
        if not bounds or any(n == 0 for n in bounds):
            return []
        if len(bounds) == 1:
            numbers.append(bounds[0])
            continue
        low, high = bounds
        if high < low or high - low > _MAX_RANGE:
            return []
        numbers.extend(range(low, high + 1))
    return list(dict.fromkeys(numbers))
