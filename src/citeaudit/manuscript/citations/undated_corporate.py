"""ABNT's undated corporate citations: "(GIT)", "(MATERIALIZECSS)", "(PHP)".

ABNT cites a work by a body with no date as the body's name in capitals alone; its
entry opens with that name and carries no year ("GIT. Documentação oficial.
Disponível em: ... Acesso em: ..."). With no year in the parenthesis no other reader
takes it, and the entry was "never cited". A parenthesis holding only one word in
capitals is read when an entry of the manuscript's own list opens with that word and
a full stop; the citation is WEAK, undated, so `citeaudit.citation_matching` keeps it
only when an undated entry has the name -- "World Health Organization (WHO)", an
acronym defined in the text, is no citation unless such an entry exists, and then
harmless.

Linear: one bounded pattern, entry heads in a set.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Certainty, Citation, CitationKind

_CAPITALS = re.compile(r"\((?P<name>[A-ZÀ-Þ][A-ZÀ-Þ0-9&\-]{1,30})\)")
_ENTRY_HEAD = re.compile(r"^\s*(?:[-*+•]\s+)?[*_]*(?P<name>[A-ZÀ-Þ][A-ZÀ-Þ0-9&\-]{1,30})\.\s")


class UndatedCorporateExtractor(CitationExtractor):
    syntax: ClassVar[str] = "undated-corporate"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        """The markers, yielded as found (`extract_at_most` holds only those it keeps)."""
        heads = {
            m.group("name")
            for entry in document.reference_entries
            if (m := _ENTRY_HEAD.match(entry.raw[:60]))
        }
        if not heads:
            return
        for m in _CAPITALS.finditer(document.text):
            name = m.group("name")
            if name not in heads:
                continue
            citation = Citation(
                id="",
                text=shown(m.group()),
                location=document.location_at(m.start()),
                kind=CitationKind.AUTHOR_YEAR,
                item=name,
                authors=(name,),
                no_date=True,
                certainty=Certainty.WEAK,
            )
            yield Marker(m.start(), m.end(), (citation,))
