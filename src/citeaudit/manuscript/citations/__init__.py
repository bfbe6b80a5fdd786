"""In-text citation extraction: every syntax that fits a document, merged in order."""

from __future__ import annotations

import dataclasses
import heapq
import operator
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from citeaudit.manuscript.citations.alpha_labels import AlphaLabelExtractor
from citeaudit.manuscript.citations.author_year import AuthorYearExtractor
from citeaudit.manuscript.citations.bare_keys import BareKeyExtractor
from citeaudit.manuscript.citations.caseless_narrative import CaselessNarrativeExtractor
from citeaudit.manuscript.citations.cjk_narrative import CjkNarrativeExtractor
from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.latex import LatexExtractor
from citeaudit.manuscript.citations.latex_typed import LatexTypedNumbers
from citeaudit.manuscript.citations.linked_years import LinkedYearExtractor
from citeaudit.manuscript.citations.marker import Counted, CountsPastCap, Horizon, Marker
from citeaudit.manuscript.citations.numeric import NumericExtractor, NumericMarker
from citeaudit.manuscript.citations.organisation_years import OrganisationYearExtractor
from citeaudit.manuscript.citations.pandoc import PandocExtractor
from citeaudit.manuscript.citations.protologues import ProtologueExtractor
from citeaudit.manuscript.citations.raw_latex import RawLatexExtractor
from citeaudit.manuscript.citations.title_years import TitleYearExtractor
from citeaudit.manuscript.citations.titles import TitleExtractor
from citeaudit.manuscript.citations.undated_corporate import (
    UndatedCorporateExtractor,
    UndatedTitleExtractor,
)
from citeaudit.manuscript.citations.year_only import YearOnlyExtractor
from citeaudit.manuscript.document import Document
from citeaudit.manuscript.docx_citation_markers import FieldCitationExtractor
from citeaudit.model.citation import Citation
from citeaudit.model.location import Location

__all__ = [
    "AlphaLabelExtractor",
    "AuthorYearExtractor",
    "BareKeyExtractor",
    "CaselessNarrativeExtractor",
    "CitationExtractor",
    "CjkNarrativeExtractor",
    "Extraction",
    "LatexExtractor",
    "LinkedYearExtractor",
    "NumericExtractor",
    "PandocExtractor",
    "ProtologueExtractor",
    "RawLatexExtractor",
    "TitleExtractor",
    "UndatedCorporateExtractor",
    "UndatedTitleExtractor",
    "YearOnlyExtractor",
    "extract_at_most",
    "extract_citations",
]

_MarkerSource = (
    FieldCitationExtractor
    | LatexExtractor
    | RawLatexExtractor
    | PandocExtractor
    | AlphaLabelExtractor
    | BareKeyExtractor
    | AuthorYearExtractor
    | NumericExtractor
    | YearOnlyExtractor
    | LinkedYearExtractor
    | TitleExtractor
    | UndatedCorporateExtractor
    | UndatedTitleExtractor
    | OrganisationYearExtractor
    | TitleYearExtractor
    | CjkNarrativeExtractor
    | CaselessNarrativeExtractor
    | ProtologueExtractor
    | LatexTypedNumbers
)


def extractors_for(document_format: str) -> tuple[_MarkerSource, ...]:
    """Extractors in priority order: an earlier one wins a span two of them claim."""
    if document_format == "latex":
        # typed numbers only where no citation command is written (`latex_typed`)
        return (LatexExtractor(), LatexTypedNumbers())
    # a Word citation field's code names its works: it claims its shown text first
    fields = (FieldCitationExtractor(),) if document_format == "docx" else ()
    # Pandoc passes raw LaTeX through to a PDF made by LaTeX: "\cite{key}" beside "[@key]"
    raw_latex = (RawLatexExtractor(),) if document_format in ("markdown", "text") else ()
    return (
        *fields,
        PandocExtractor(),
        *raw_latex,
        AlphaLabelExtractor(),  # before the bare keys: "[Knuth1984]" in a labelled list
        BareKeyExtractor(),
        UndatedTitleExtractor(),
        OrganisationYearExtractor(),
        TitleYearExtractor(),
        CjkNarrativeExtractor(),  # the list tells where a name without blanks starts
        CaselessNarrativeExtractor(),  # the list tells which words without capitals are names
        AuthorYearExtractor(),
        NumericExtractor(),
        YearOnlyExtractor(),
        LinkedYearExtractor(),
        TitleExtractor(),
        UndatedCorporateExtractor(),
        ProtologueExtractor(),
    )


@dataclass(frozen=True, slots=True)
class Extraction:
    """A document's citations, `most` at most, and how many more it holds.

    `unread` counts the citations past the cap without making them (a numeric marker
    counts its numbers); `first_unread` is where the first of them stands.
    """

    citations: tuple[Citation, ...]
    unread: int = 0
    first_unread: Location | None = None


def extract_citations(document: Document) -> tuple[Citation, ...]:
    """Every citation in the document's body, in order, numbered ``cit-1``, ``cit-2``, ..."""
    return extract_at_most(document, None).citations


def extract_at_most(document: Document, most: int | None) -> Extraction:
    """The document's first `most` citations (all when None), in order, numbered.

    Markers that overlap one already found by a higher-priority extractor are dropped,
    so a span is never counted twice. Claimed characters are marked in a byte map, so
    the merge costs the markers' lengths, not markers times markers (a one-line
    manuscript holds hundreds of thousands of them).

    Memory is bounded by the cap, not by the document: the markers are taken one at a
    time from each extractor (most of them yield them as they find them) and only those
    that may still be among the first `most` citations are held (`_Held`); the others
    are counted and let go. Holding every marker until the end made a 2 MB upload of
    ``[@a] `` (400,000 citations) cost 251 MB and a 20 MB one past a worker's memory
    ceiling, whatever the cap. A numeric marker's citations are made only when kept
    (``[1–50] `` is seven characters and fifty citations), and an extractor that can
    (`CountsPastCap`) only counts the citations of a marker it finds past the cap
    (`Horizon`): of the 5 MB one-line bench's 250,000 citations, 200,000 were made,
    numbered by nobody and let go.
    """
    claimed = bytearray(len(document.text) + 1)
    held = _Held(sys.maxsize if most is None else max(most, 0))
    for extractor in extractors_for(document.format):
        found: Iterator[Marker | NumericMarker | Counted] = (
            extractor.markers_before(document, held.horizon)
            if isinstance(extractor, CountsPastCap)
            else iter(extractor.markers(document))
        )
        for marker in found:
            start, end = marker.start, max(marker.end, marker.start + 1)
            if claimed.find(1, start, end) >= 0:
                continue
            claimed[start:end] = b"\x01" * (end - start)
            held.offer(marker)
    return held.extraction(document)


class _Held:
    """The kept markers that may be among the first `room` citations, and a count of the rest.

    Extractors run one after another, so a later one may still find a marker earlier in
    the text than any held: the markers are held in a heap on their start, the latest
    on top, and the latest is let go (counted) as soon as the others hold `room`
    citations without it. The earliest marker let go is remembered: it is where the
    unread citations begin, unless the cap falls inside the last marker held.

    Once the held markers hold `room` citations, a marker that starts after the latest
    of them would be let go as soon as it is pushed: it is counted without the push
    and the pop, and `horizon` says where that begins, for the extractors to count
    rather than make such markers (`Counted`).
    """

    def __init__(self, room: int) -> None:
        self.room = room
        self.horizon = Horizon(-1 if room == 0 else sys.maxsize)
        self._heap: list[tuple[int, int, Marker | NumericMarker]] = []  # (-start, seq, marker)
        self._total = 0  # citations in the held markers
        self._seq = 0
        self.unread = 0
        self._first_unread: Marker | NumericMarker | Counted | None = None

    def offer(self, marker: Marker | NumericMarker | Counted) -> None:
        count = marker.count
        if not count:
            return  # claims its span (an alias line, a cross-reference) and cites nothing
        if marker.start > self.horizon.start:  # past the cap: pushed, it would be popped
            self.unread += count
            if self._first_unread is None or marker.start < self._first_unread.start:
                self._first_unread = marker
            return
        if isinstance(marker, Counted):  # counted only where the horizon had passed it
            raise AssertionError(f"a marker at {marker.start} counted before the cap")
        self._seq += 1
        heapq.heappush(self._heap, (-marker.start, self._seq, marker))
        self._total += count
        while self._heap and self._total - self._heap[0][2].count >= self.room:
            _, _, latest = heapq.heappop(self._heap)
            self._total -= latest.count
            self.unread += latest.count
            if self._first_unread is None or latest.start < self._first_unread.start:
                self._first_unread = latest
        if self._total >= self.room:  # full: the cap falls on the latest held marker
            self.horizon.start = -self._heap[0][0] if self._heap else -1

    def extraction(self, document: Document) -> Extraction:
        kept = sorted((item[2] for item in self._heap), key=lambda marker: marker.start)
        self._heap = []
        citations: list[Citation] = []
        first = self._first_unread
        first_location = None if first is None else _first_location(first, document)
        unread = self.unread
        for marker in kept:
            made = marker.citations
            taken = self.room - len(citations)
            _number(citations, made[:taken])
            if len(made) > taken:  # the cap falls inside this marker (the last held)
                unread += len(made) - taken
                first_location = made[taken].location
        return Extraction(tuple(citations), unread, first_location)


def _number(citations: list[Citation], made: Sequence[Citation]) -> None:
    for citation in made:
        citation_id = f"cit-{len(citations) + 1}"
        if citation.id:  # numbered before (an object two markers share): a copy
            citation = _numbered(citation, citation_id)
        else:
            _set_id(citation, citation_id)
        citations.append(citation)


def _first_location(marker: Marker | NumericMarker | Counted, document: Document) -> Location:
    if isinstance(marker, NumericMarker):
        return marker.document.location_at(marker.start)
    if isinstance(marker, Counted):  # its first citation would stand where it starts
        return document.location_at(marker.start)
    return marker.citations[0].location


def _set_id(citation: Citation, citation_id: str) -> None:
    """Numbers a citation an extractor has just made, in place.

    Extractors make each Citation afresh for this document with an empty id, and no
    one has seen it yet (nothing hashed it or kept it): setting the id is the last
    step of its construction. A copy instead cost 6 microseconds per citation, a
    second construction of every citation of a long manuscript (1.6 s of CPU for the
    250,000 citations of the 5 MB one-line bench).
    """
    object.__setattr__(citation, "id", citation_id)


_FIELDS = tuple(f.name for f in dataclasses.fields(Citation))
_REST = operator.attrgetter(*_FIELDS[1:])
assert _FIELDS[0] == "id"


def _numbered(citation: Citation, citation_id: str) -> Citation:
    """`dataclasses.replace(citation, id=...)`, without its per-call introspection."""
    return Citation(citation_id, *_REST(citation))
