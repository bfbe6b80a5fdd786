"""A citation marker found in a document: its span and the works it cites.

Extractors report spans so that `extract_citations` can drop markers that two
syntaxes both claim (``[@smith2019]`` must not also count as something else).
"""

from __future__ import annotations

from dataclasses import dataclass

from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Citation


@dataclass(frozen=True, slots=True)
class Marker:
    start: int  # offset into Document.text
    end: int  # exclusive
    citations: tuple[Citation, ...]

    def overlaps(self, other: Marker) -> bool:
        return self.start < other.end and other.start < self.end


def marker_text(document: Document, start: int, end: int) -> str:
    return document.text[start:end]
