"""Footnotes told apart from the body they interrupt.

A footnote sits at the foot of its page in smaller type, after a gap, and starts with
its mark ("1", "*", a raised number). Read in flow it would cut a sentence that runs
on to the next page; it is kept apart, so the body reads on and the note's own
citations are still read.

A note too long for its page runs on at the foot of the next one with no mark of its
own; it is told by its small type, the space above it, and the note on the page
before stopping mid-sentence (`note_runs_on`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citeaudit.manuscript.pdf_layout import PdfLine
from citeaudit.manuscript.reference_section import is_reference_title

__all__ = ["note_runs_on", "opens_note", "split_footnotes"]

_NOTE_MARK = re.compile(r"^(?:\d{1,3}|[*†‡§¶])\s?\S")


def split_footnotes(
    lines: Sequence[PdfLine], body_size: float, *, continued: bool = False
) -> tuple[list[PdfLine], list[PdfLine]]:
    """(body, notes) of one page's lines in reading order. `continued`: the page
    before ended inside a note (`note_runs_on`), so an unmarked small block at this
    page's foot is that note going on, not the body's."""
    last_body = max((k for k, ln in enumerate(lines) if ln.size >= 0.95 * body_size), default=None)
    if last_body is None or last_body + 1 >= len(lines):
        return list(lines), []
    if any(is_reference_title(ln.text) for ln in lines[: last_body + 1]):
        return list(lines), []  # a reference list in small type is not a note
    first = lines[last_body + 1]
    tail = lines[last_body + 1 :]
    small = all(ln.size <= 0.9 * body_size for ln in tail)
    marked = continued or opens_note(first)
    previous = lines[last_body]
    below = all(ln.base < min(previous.base, first.top) for ln in tail[1:]) and (
        first.base < previous.base - 1.6 * body_size
    )
    if small and marked and below:
        return list(lines[: last_body + 1]), list(tail)
    return list(lines), []


# a note's last line that ends its sentence: the note is finished on its page
_NOTE_END = re.compile(r"""[.!?][)\]"'’”»]*$""")


def note_runs_on(notes: Sequence[PdfLine]) -> bool:
    """The page's notes stop mid-sentence: the last note goes on at the next page's
    foot. A note that ends its sentence is finished, and small unmarked type at the
    next page's foot (a received-date line, a licence note) stays where it is."""
    return bool(notes) and _NOTE_END.search(notes[-1].text.rstrip()) is None


def opens_note(line: PdfLine) -> bool:
    """The line starts with a note's mark: a number or symbol, or a raised one."""
    return bool(_NOTE_MARK.match(line.text)) or (
        bool(line.superscripts) and line.superscripts[0][0] == 0
    )
