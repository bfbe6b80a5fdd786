"""A Word manuscript's citation fields as citation markers, ahead of every text syntax.

Why first: the field's code says which works are cited; the shown text may say it
wrongly (edited by hand, a superscript that lost its formatting). Each field's marker
claims its shown text, so no text extractor reads it again. A linked work is a
citation keyed by its entry's id (``FIELD_ITEM``: the matcher takes the key as the
target); a work no entry holds keeps its names, year and title for the
missing-reference finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.document import Document
from citeaudit.manuscript.docx_field_citation import FieldCitation, FieldItem
from citeaudit.model.citation import Citation, CitationKind

__all__ = ["FIELD_ITEM", "FieldCitationExtractor"]

FIELD_ITEM = "docx-field"  # Citation.command of a work a citation field names
# "12,51", "4–7", "[3]", "(2, 5-9)": numbers a numeric citation field shows
_NUMBERS = re.compile(r"\d{1,4}(?:\s*+[,;–-]\s*+\d{1,4})*+")
_BRACKETS = re.compile(r"[\[\]()]")
_MAX_RANGE = 200  # entries one range may cite
_SLACK = 40  # characters the text before a field may have lost since it was read


class FieldCitationExtractor:
    """Markers of `Document.citation_fields`, in document order."""

    def markers(self, document: Document) -> Iterator[Marker]:
        if not document.citation_fields:
            return
        spans: dict[int, tuple[int, int]] = {}  # paragraph -> its text's span
        offset = 0
        for line in document.lines:
            if line.file == document.path:
                start, _ = spans.get(line.number, (offset, offset))
                spans[line.number] = (start, offset + len(line.text))
            offset += len(line.text) + 1
        text = document.text
        cursor: dict[int, int] = {}  # paragraph -> where its next field is looked for
        for citation_field in document.citation_fields:
            span = spans.get(citation_field.paragraph)
            if span is None:
                continue
            start = cursor.get(citation_field.paragraph, span[0])
            wanted = citation_field.shown.strip()
            # near where the reader met it first (the text before it may have lost a
            # label or a mark since), else anywhere after the field before it
            near = max(start, span[0] + citation_field.offset - _SLACK)
            at, end = _find(text, wanted, near, span[1])
            if at < 0:
                at, end = _find(text, wanted, start, span[1])
            if at < 0:
                continue  # the shown text is gone (a note mark taken out): nothing to claim
            cursor[citation_field.paragraph] = end
            if citation_field.items:
                yield Marker(at, end, tuple(_citations(document, citation_field, at)))
            elif _NUMBERS.fullmatch(_BRACKETS.sub("", wanted)):
                # the code names no usable work, but it is a citation: bare numbers
                # ("12,51") cite by number, superscript or not
                yield Marker(at, end, tuple(_numbered(document, wanted, at)))
            # otherwise the shown text is read as any text is


def _find(text: str, wanted: str, start: int, stop: int) -> tuple[int, int]:
    if not wanted:
        return -1, -1
    at = text.find(wanted, start, stop)
    return (at, at + len(wanted)) if at >= 0 else (-1, -1)


def _citations(document: Document, found: FieldCitation, at: int) -> Iterator[Citation]:
    location = document.location_at(at)
    written = shown(found.shown.strip())
    for item in found.items:
        yield Citation(
            id="",
            text=written,
            location=location,
            kind=CitationKind.KEY,
            item=_described(found, item),
            authors=item.authors[:20],
            et_al=len(item.authors) > 2,
            year=item.year,
            key=f"ref-{item.entry}" if item.entry is not None else None,
            command=FIELD_ITEM,
        )


def _numbered(document: Document, wanted: str, at: int) -> Iterator[Citation]:
    location = document.location_at(at)
    written = shown(wanted)
    numbers: list[int] = []
    for part in re.split(r"\s*[,;]\s*", _BRACKETS.sub("", wanted)):
        ends = [int(n) for n in re.findall(r"\d{1,4}", part)]
        if len(ends) == 2 and 0 < ends[1] - ends[0] <= _MAX_RANGE:
            numbers.extend(range(ends[0], ends[1] + 1))
        else:
            numbers.extend(ends)
    for number in dict.fromkeys(numbers):
        yield Citation(
            id="", text=written, location=location, kind=CitationKind.NUMERIC, number=number
        )


def _described(found: FieldCitation, item: FieldItem) -> str:
    """ "Smith & Lee 2019, "A title" (Zotero field shown as "(Smith, 2019)")"."""
    return f'{item.describe()} ({found.manager} field shown as "{shown(found.shown.strip())}")'
