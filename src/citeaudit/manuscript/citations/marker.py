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

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

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


class Horizon:
    """Where the citation cap falls, as far as `extract_at_most` knows it yet: a marker
    that starts after `start` is past the cap, and only its citations' number counts.

    Mutable on purpose, and only by `extract_at_most`, as it learns more: the cap
    falls on the latest of the markers it holds once they hold `most` citations, and
    that place only ever moves back (an earlier marker pushes the latest out), never
    forward. So a marker an extractor finds past it now is past it for good, and the
    extractor may count its citations instead of making them (`Counted`): the 5 MB
    one-line bench holds 250,000 citations, of which an audit keeps 50,000.
    """

    __slots__ = ("start",)

    def __init__(self, start: int = sys.maxsize) -> None:
        self.start = start


@dataclass(frozen=True, slots=True)
class Counted:
    """A marker past the citation cap (`Horizon`): its span, which it still claims from
    the other extractors, and how many citations it holds, none of them made.

    Only what the audit reports of the markers it does not read: how many citations
    they hold, and where the first one stands (`Document.location_at(start)`, where an
    extractor that counts puts its first citation)."""

    start: int
    end: int
    count: int


@runtime_checkable
class CountsPastCap(Protocol):
    """An extractor that counts the markers past a `Horizon` instead of making their
    citations (`Counted`); every marker before it is made as `markers` makes it."""

    def markers_before(self, document: Document, horizon: Horizon) -> Iterator[Marker | Counted]:
        """The markers in text order, as `markers` yields them, save that one past the
        horizon when it is found may be yielded `Counted`."""
        ...


def marker_text(document: Document, start: int, end: int) -> str:
    return document.text[start:end]


def shown(text: str) -> str:
    """The marker as written, cut in the middle when it is too long to quote whole."""
    if len(text) <= MAX_MARKER_TEXT:
        return text
    head = MAX_MARKER_TEXT * 2 // 3
    tail = MAX_MARKER_TEXT - head - 1
    return f"{text[:head]}…{text[-tail:]}"
