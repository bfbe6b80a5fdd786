"""Converted Markdown's backslash escapes, seen as the punctuation they print, for the
numeric reader.

A converter (pandoc, markitdown, mammoth, html2text) escapes the brackets of every
numeric citation it writes as text: ``\\[12\\]``, ``\\[3\\]–\\[6\\]``, and, where it
also links the citation to its entry, ``[\\[3\\]](#bib3)–[\\[6\\]](#bib6)``. The
numeric forms are written for the printed brackets, so an escaped range read as its
two ends (the works between "never cited"), and an escaped bracket glued to a word or
a name lost the evidence a bracket gives. CommonMark prints a backslash before ASCII
punctuation as that punctuation alone; here the numeric reader reads the text so too.

`unescaped` gives a copy of a Markdown document with those backslashes taken out of
its lines, and `Unescaped.written` maps an offset into the copy's text back to the
document's own, so that the markers found in the copy stand where the text has them
(a marker opening on an escaped bracket starts at its backslash). A backslash before
anything else -- a letter (``\\alpha``), a blank, a line's end (a hard break) -- is
kept, and ``\\\\`` prints one backslash. One pass over each line; the map is an array
of the copy's offsets where characters were taken out, searched by bisection.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from array import array
from dataclasses import dataclass

from citeaudit.manuscript.document import Document

# a backslash escape CommonMark honours: before any ASCII punctuation character
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass(frozen=True, slots=True)
class Unescaped:
    document: Document  # the copy, its lines unescaped
    taken: array[int]  # offsets into the copy's text where a backslash was taken out

    def written(self, offset: int) -> int:
        """The offset into the document's text of the copy's `offset`: a start on a
        character after a backslash taken out moves onto the backslash, and an end (the
        offset after a marker's last character) stays after that character."""
        return offset + bisect.bisect_left(self.taken, offset)


def unescaped(document: Document) -> Unescaped | None:
    """The document with its Markdown escapes taken out, or None when it is no Markdown
    or holds none (the reader then reads the document itself)."""
    if document.format != "markdown" or "\\" not in document.text:
        return None
    taken: array[int] = array("q")
    lines = []
    offset = 0  # of the line in the copy's text
    changed = False
    for line in document.lines:
        text = line.text
        if "\\" not in text:
            lines.append(line)
            offset += len(text) + 1
            continue
        pieces: list[str] = []
        at = 0
        length = 0  # of the copy's line so far
        for m in _ESCAPE.finditer(text):
            kept = text[at : m.start()]
            pieces.append(kept)
            length += len(kept)
            # the character printed lands at this offset of the copy's text
            taken.append(offset + length)
            pieces.append(m.group(1))
            length += 1
            at = m.end()
        if at == 0:
            lines.append(line)
            offset += len(text) + 1
            continue
        pieces.append(text[at:])
        copy = "".join(pieces)
        changed = True
        lines.append(dataclasses.replace(line, text=copy))
        offset += len(copy) + 1
    if not changed:
        return None
    return Unescaped(dataclasses.replace(document, lines=tuple(lines)), taken)
