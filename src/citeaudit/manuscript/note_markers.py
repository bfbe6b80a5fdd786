"""Note markers in a text manuscript whose reference list is author-date.

Why: Word saves a manuscript as plain text with each footnote or endnote reference
written ``[1]``, ``[2]`` in the text and the notes themselves at the end, ``[1] See
Lee (2001), p. 4.``. With an author-date list, those brackets are read as numeric
citations ("[7] cites entry 7") whenever they outnumber the (Author, year) citations
-- as they do in a notes-style paper, which cites mostly inside its notes. A reader
tells them apart at a glance: the list is not numbered and runs in author order, and
the bracketed numbers are exactly those of a block of notes numbered 1..n.

So when the list is author-date (no entry numbered, entries in author order), and
the body holds notes numbered from 1 -- lines opening ``[n]`` counting up by one, or
``n.`` / ``n`` lines under a "Notes" or "Endnotes" heading -- and every bracketed
number in the rest of the text is one of those notes, the markers and the notes'
labels are blanked (replaced by spaces: columns stay where they were). The notes' text
stays: the citations in it are the paper's citations. A numbered list (Vancouver,
IEEE), a list out of author order, or one bracketed number beyond the notes leaves
the text as it is.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from citeaudit.manuscript.document import Line, RawEntry
from citeaudit.manuscript.list_tail import note_label
from citeaudit.manuscript.reference_section import list_marker

__all__ = ["hide_note_markers"]

_MIN_ENTRIES = 3
_SORTED_SHARE = 0.8  # of neighbouring entries in author order (a few slips allowed)
_BRACKET_LABEL = re.compile(r"^(\s*)\[(\d{1,3})\](?=\s*[^\s:])")  # "[1]: url" is a link
_NUMBER_LABEL = re.compile(r"^(\s*)(\d{1,3})(?:[.)]|(?=\s+[^\W\d_]))")
_MARKER = re.compile(r"\[(\d{1,3})\](?![(:\[])")  # not "[1](url)", "[1]: url", "[1][x]"
# "———. 2006.": the same author again, filed under the entry before
_REPEATED_AUTHOR = re.compile(r"\W{0,3}[-—–_]{2,}|\W{0,3}—")
_NOTES_TITLES = frozenset(
    {"notes", "endnotes", "footnotes", "note", "notas", "nota", "notes de fin", "anmerkungen"}
)


def hide_note_markers(body: Sequence[Line], entries: Sequence[RawEntry]) -> tuple[Line, ...]:
    """`body` with its note markers and notes' labels blanked when they are notes."""
    if not _author_date_list(entries):
        return tuple(body)
    labels = _notes(body)
    if not labels:
        return tuple(body)
    count = max(n for _, n, _ in labels.values())
    labelled = set(labels)
    used: set[int] = set()
    for i, line in enumerate(body):
        text = line.text[labels[i][2] :] if i in labelled else line.text
        for m in _MARKER.finditer(text):
            number = int(m.group(1))
            if not 1 <= number <= count:
                return tuple(body)  # a number no note carries: these may be citations
            used.add(number)
    if len(used) * 2 < count:
        return tuple(body)
    out: list[Line] = []
    for i, line in enumerate(body):
        start = labels[i][2] if i in labelled else 0
        text = " " * start + _MARKER.sub(_blank, line.text[start:])
        out.append(line if text == line.text else replace(line, text=text))
    return tuple(out)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _author_date_list(entries: Sequence[RawEntry]) -> bool:
    """No entry numbered, and the entries in author order."""
    if len(entries) < _MIN_ENTRIES:
        return False
    if any(list_marker(e.raw) is not None or note_label(e.raw) is not None for e in entries):
        return False
    keys = [k for k in (_sort_key(e.text) for e in entries) if k]
    pairs = list(itertools.pairwise(keys))
    if not pairs:
        return False
    ordered = sum(1 for a, b in pairs if a <= b)
    return ordered >= _SORTED_SHARE * len(pairs)


def _sort_key(text: str) -> str:
    """The first two letters an entry is filed under ("" for a repeated-author dash)."""
    if _REPEATED_AUTHOR.match(text):
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = [c for c in decomposed[:40] if c.isalpha()]
    return "".join(letters[:2])


def _notes(body: Sequence[Line]) -> dict[int, tuple[int, int, int]]:
    """Lines that open a note: {index: (index, number, label end)} of the longest run
    numbered 1, 2, 3, ... -- "[n]" lines anywhere, "n." lines under a notes heading."""
    best: list[tuple[int, int, int]] = []
    run: list[tuple[int, int, int]] = []
    under_heading = False
    for i, line in enumerate(body):
        text = line.text
        if _is_notes_heading(text):
            under_heading = True
            continue
        m = _BRACKET_LABEL.match(text) or (_NUMBER_LABEL.match(text) if under_heading else None)
        if m is None:
            continue
        number = int(m.group(2))
        if number == 1:
            run = [(i, 1, m.end())]
        elif run and number == run[-1][1] + 1:
            run.append((i, number, m.end()))
        else:
            continue
        if len(run) > len(best):
            best = list(run)
    return {i: (i, n, end) for i, n, end in best}


def _is_notes_heading(text: str) -> bool:
    plain = text.strip().strip("#*_ ").rstrip(":.").strip().casefold()
    return plain in _NOTES_TITLES
