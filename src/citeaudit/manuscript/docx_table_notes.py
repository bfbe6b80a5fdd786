"""Superscript note markers of tables, told from superscript citations.

Word records which runs are superscript, so a numeric citation printed as a superscript
can be read. Tables use superscripts too: a header ``N = 7,152¹`` or ``p-value²`` points
at the table's notes below it, each opened by its marker set superscript (``¹Median (Q1,
Q3)``). Read as citations, a results chapter's dozens of ``¹``/``²`` made the paper look
superscript-numbered and hid its real ``(28)`` citations.

A paragraph that *opens* with a short superscript is such a note (a citation follows
the words it supports, never starts a paragraph). Its marker, met again as a superscript
in the run of short paragraphs just above (table cells: a few words each), is a note
reference; both lose their superscript mark, so no reader takes them for citations. The
text is left as it is. Each paragraph is looked at a bounded number of times: a run of
notes is one group, and the walk up from it stops where the previous group's did.
"""

from __future__ import annotations

import dataclasses

from citeaudit.manuscript.document import Line

__all__ = ["without_note_markers"]

_MARKER_CHARS = 3  # "1", "a", "*", "12", "†"
_CELL_WORDS = 12  # a table cell; a paragraph of prose has more


def without_note_markers(lines: list[Line]) -> list[Line]:
    """`lines` with table-note markers (and their references above) unmarked."""
    spans = [list(line.superscripts) for line in lines]
    floor = 0  # the walk up never passes where the previous group's stopped
    i = 0
    while i < len(lines):
        marker = _opening_marker(lines[i])
        if marker is None:
            i += 1
            continue
        markers: set[str] = set()
        first = i
        while i < len(lines) and (marker := _opening_marker(lines[i])) is not None:
            markers.add(marker)
            spans[i] = [s for s in spans[i] if s[0] != 0]
            i += 1
        j = first - 1
        while j >= floor and len(lines[j].text.split()) <= _CELL_WORDS:
            text = lines[j].text
            spans[j] = [s for s in spans[j] if text[s[0] : s[1]].strip() not in markers]
            j -= 1
        floor = i
    return [
        line
        if len(spans[k]) == len(line.superscripts)
        else dataclasses.replace(line, superscripts=tuple(spans[k]))
        for k, line in enumerate(lines)
    ]


def _opening_marker(line: Line) -> str | None:
    """The superscript that opens `line` when it is a short marker, else None."""
    for start, end in line.superscripts:
        if start == 0:
            marker = line.text[start:end].strip()
            return marker if 0 < len(marker) <= _MARKER_CHARS else None
    return None
