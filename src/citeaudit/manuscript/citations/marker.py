"""A citation marker found in a document: its span and the works it cites.

Extractors report spans so that `extract_citations` can drop markers that two
syntaxes both claim (``[@smith2019]`` must not also count as something else).

Two helpers keep every extractor linear on hostile input: `SpanIndex` answers "is
this offset inside one of these spans?" by bisection (a linear scan per candidate is
quadratic on a line with thousands of code spans), and `shown` bounds the marker text
each Citation carries -- a ``\\cite{}`` with 8,000 keys yields 8,000 Citations, and
each one quoting the whole 50 KB command made reports of hundreds of megabytes.
"""

from __future__ import annotations

from dataclasses import dataclass

from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Citation

MAX_MARKER_TEXT = 160  # characters of a marker quoted in each of its citations


@dataclass(frozen=True, slots=True)
class Marker:
    start: int  # offset into Document.text
    end: int  # exclusive
    citations: tuple[Citation, ...]

    @property
    def count(self) -> int:
        """How many citations the marker makes (`extract_at_most` counts markers past its cap)."""
        return len(self.citations)

    def overlaps(self, other: Marker) -> bool:
        return self.start < other.end and other.start < self.end


def marker_text(document: Document, start: int, end: int) -> str:
    return document.text[start:end]


def shown(text: str) -> str:
    """The marker as written, cut in the middle when it is too long to quote whole."""
    if len(text) <= MAX_MARKER_TEXT:
        return text
    head = MAX_MARKER_TEXT * 2 // 3
    tail = MAX_MARKER_TEXT - head - 1
    return f"{text[:head]}…{text[-tail:]}"
