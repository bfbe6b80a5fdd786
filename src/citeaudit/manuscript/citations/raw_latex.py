"""Raw LaTeX citation commands in Markdown and plain text.

Why: Pandoc passes raw LaTeX through to a PDF made by LaTeX, so Markdown written for
it cites with ``\\cite{key}`` / ``\\citep[p.~3]{key}`` beside ``[@key]``; read by the
Pandoc reader alone, each such work was "missing" and its entry "never cited". A
command inside inline code (```\\cite{key}``` in a guide to LaTeX) shows the command,
it cites nothing; fenced and indented code never reaches the extractors.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.latex import LatexExtractor
from citeaudit.manuscript.citations.marker import Marker
from citeaudit.manuscript.citations.markup import code_index
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Citation


class RawLatexExtractor(CitationExtractor):
    syntax: ClassVar[str] = "raw-latex"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        if "\\" not in document.text:
            return
        code = code_index(document.text) if "`" in document.text else None
        for marker in LatexExtractor().markers(document):
            if code is None or not code.covers(marker.start):
                yield marker


__all__ = ["RawLatexExtractor"]
