"""A reference list kept as Word endnotes.

Why: some theses (a Chinese 毕业论文 inserting each source as an endnote, its mark typed
between "[" and "]"; papers whose "Notes and references" are Word endnotes) have no list
in the body: each numbered endnote is an entry and the body holds only the marks. The
list was not found ("N citations but no reference list"), and the marks, which Word
draws and the text does not hold, were no citations.

The body's endnote marks are read as a placeholder (`ENDNOTE_MARK`); when the body has
no list of its own and the endnotes read as one (`endnotes_read_as_list`), each mark
becomes the number Word draws for it and the endnotes are the list, numbered so;
otherwise the marks leave no trace, as before.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from citeaudit.manuscript.document import Line, RawEntry
from citeaudit.manuscript.reference_section import is_reference_title, looks_like_entry_start
from citeaudit.model.location import Location

__all__ = [
    "ENDNOTE_MARK",
    "endnote_entries",
    "endnotes_read_as_list",
    "titled_endnote_list",
    "with_endnote_marks",
]

# a private-use character no Word text holds (markup's escapes use U+E000..U+E07F)
ENDNOTE_MARK = "\ue5e1"

_DATED = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)|://")
# GB/T 7714's type codes: "[J]" journal, "[M]" book, "[D]" thesis, "[EB/OL]" online ...
_GBT_CODE = re.compile(r"\[(?:J|M|D|C|R|N|P|S|Z|G|A|EB/OL|J/OL|M/OL|DB/OL|CP/OL)\]")
# a note that only points back: a list has no "ibid." nor "op. cit."
_POINTER = re.compile(
    r"\b(?:ibid|ibidem|idem|ebd|ebenda|op\.\s?cit|loc\.\s?cit|a\.\s?a\.\s?O)\b", re.I
)
_LABEL = re.compile(r"\A\s*(?:\[\d{1,4}\]|\d{1,4}[.)]\s)")  # \A: linear as a search
_MIN_NOTES = 2


def with_endnote_marks(lines: Sequence[Line], numbered: bool) -> list[Line]:
    """`lines` with each endnote mark as the number Word draws for it (1, 2, ... in
    the order the marks stand) when `numbered`, else taken out; the superscript spans
    follow the text."""
    out: list[Line] = []
    count = 0
    for line in lines:
        if ENDNOTE_MARK not in line.text:
            out.append(line)
            continue
        pieces = line.text.split(ENDNOTE_MARK)
        text = pieces[0]
        shifts: list[tuple[int, int]] = []  # (column in the old text, growth after it)
        old = len(pieces[0])
        for piece in pieces[1:]:
            number = ""
            if numbered:
                count += 1
                number = str(count)
            shifts.append((old, len(number) - 1))
            text += number + piece
            old += 1 + len(piece)

        def moved(column: int, shifts: list[tuple[int, int]] = shifts) -> int:
            return column + sum(grow for at, grow in shifts if at < column)

        spans = tuple((moved(a), moved(b)) for a, b in line.superscripts if moved(b) > moved(a))
        out.append(dataclasses.replace(line, text=text, superscripts=spans))
    return out


def _entry_like(text: str) -> bool:
    body = _LABEL.sub("", text, count=1)
    return bool(_DATED.search(body)) and (
        looks_like_entry_start(body, lambda s: s) or bool(_GBT_CODE.search(body))
    )


def endnotes_read_as_list(notes: Sequence[Line]) -> bool:
    """Whether the endnotes are a reference list: two or more, most of them opening as
    an entry does (or carrying a GB/T type code) and dated, none pointing back
    ("ibid.") and no two alike (notes citing a work again repeat it; a list does not)."""
    texts = [n.text.strip() for n in notes if n.text.strip()]
    if len(texts) < _MIN_NOTES:
        return False
    if any(_POINTER.search(t) for t in texts):
        return False
    heads = [t[:40].casefold() for t in texts]
    if len(set(heads)) < len(heads):
        return False
    return sum(1 for t in texts if _entry_like(t)) * 2 > len(texts)


def endnote_entries(notes: Sequence[Line]) -> tuple[RawEntry, ...]:
    """The endnotes as entries, each labelled with its number ("[3] ...") unless it
    carries a label already: the marks cite them by it."""
    entries: list[RawEntry] = []
    for note in notes:  # numbered as Word numbers them (docx `_notes`)
        text = note.text.strip()
        if not text:
            continue
        if not _LABEL.match(text):
            text = f"[{note.number}] {text}"
        entries.append(RawEntry(text, Location(note.file, note.number), note.text))
    return tuple(entries)


def titled_endnote_list(notes: Sequence[Line]) -> tuple[Line, tuple[RawEntry, ...]] | None:
    """The first endnote that holds a list under its own title ("References", then a
    paragraph an entry; docx `_notes` gives such a note a line a paragraph, all with
    the note's number): its title line and its entries; None when no note does."""
    for k, line in enumerate(notes):
        if not is_reference_title(line.text):
            continue
        rest = []
        for after in notes[k + 1 :]:
            if after.number != line.number:
                break
            if after.text.strip():
                rest.append(
                    RawEntry(after.text.strip(), Location(after.file, after.number), after.text)
                )
        if rest:
            return line, tuple(rest)
    return None
