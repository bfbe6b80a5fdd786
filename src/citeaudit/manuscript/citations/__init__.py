"""In-text citation extraction: every syntax that fits a document, merged in order."""

from __future__ import annotations

import bisect
import dataclasses

from citeaudit.manuscript.citations.author_year import AuthorYearExtractor
from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.latex import LatexExtractor
from citeaudit.manuscript.citations.marker import Marker
from citeaudit.manuscript.citations.numeric import NumericExtractor
from citeaudit.manuscript.citations.pandoc import PandocExtractor
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Citation

__all__ = [
    "AuthorYearExtractor",
    "CitationExtractor",
    "LatexExtractor",
    "NumericExtractor",
    "PandocExtractor",
    "extract_citations",
]

_MarkerSource = LatexExtractor | PandocExtractor | AuthorYearExtractor | NumericExtractor


def extractors_for(document_format: str) -> tuple[_MarkerSource, ...]:
    """Extractors in priority order: an earlier one wins a span two of them claim."""
    if document_format == "latex":
        return (LatexExtractor(),)
    return (PandocExtractor(), AuthorYearExtractor(), NumericExtractor())


def extract_citations(document: Document) -> tuple[Citation, ...]:
    """Every citation in the document's body, in order, numbered ``cit-1``, ``cit-2``, ...

    Markers that overlap one already found by a higher-priority extractor are dropped,
    so a span is never counted twice.
    """
    kept: list[Marker] = []  # sorted by start; kept markers never overlap each other
    starts: list[int] = []
    for extractor in extractors_for(document.format):
        for marker in extractor.markers(document):
            i = bisect.bisect_left(starts, marker.start)
            # only the neighbours can overlap: linear, not quadratic, in markers
            if any(marker.overlaps(kept[j]) for j in (i - 1, i) if 0 <= j < len(kept)):
                continue
            kept.insert(i, marker)
            starts.insert(i, marker.start)
    citations: list[Citation] = []
    for marker in kept:
        for citation in marker.citations:
            citations.append(dataclasses.replace(citation, id=f"cit-{len(citations) + 1}"))
    return tuple(citations)
