"""Converted Markdown as the numeric reader reads it: backslash escapes seen as the
punctuation they print, and the links inside a superscript as the numbers they show.

A converter (pandoc, markitdown, mammoth, html2text) escapes the brackets of every
numeric citation it writes as text: ``\\[12\\]``, ``\\[3\\]–\\[6\\]``, and, where it
also links the citation to its entry, ``[\\[3\\]](#bib3)–[\\[6\\]](#bib6)``. The
numeric forms are written for the printed brackets, so an escaped range read as its
two ends (the works between "never cited"), and an escaped bracket glued to a word or
a name lost the evidence a bracket gives. CommonMark prints a backslash before ASCII
punctuation as that punctuation alone; here the numeric reader reads the text so too.

A superscript citation linked number by number, ``^[3](#B3),[4](#B4)^`` or
``<sup>[10](#B10)–[12](#B12)</sup>``, prints as ``³,⁴`` and ``¹⁰⁻¹²``: only its
first link was read, and a link glued to a caret alone none (the second work "never
cited"). Inside a superscript run the links to the document's own anchors (``#...``)
of numbers are read as the numbers they show; a link elsewhere is left to the
bracket forms, which read a lone ``[3](#ref-3)`` as a citation by its link.

A superscript whose brackets alone are set and whose numbers are raised again inside,
``<sup>(<sup>7</sup>)</sup>``, pandoc's ``^(^7^)^`` and, linked to the entry,
``^[(^40^)](#B40)^`` (converters' renderings of a SciELO template that raises the
cross-reference inside a raised bracket), prints as ``⁽⁷⁾``: the inner tags and the
link's brackets are taken out, so it is read as ``<sup>(7)</sup>`` or ``^(40)^``.
Before, no form read it and every work it cited was "never cited".

`unescaped` gives a copy of a Markdown document with those characters taken out of
its lines, and `Unescaped.written` maps an offset into the copy's text back to the
document's own, so that the markers found in the copy stand where the text has them
(a marker opening on an escaped bracket starts at its backslash). A backslash before
anything else -- a letter (``\\alpha``), a blank, a line's end (a hard break) -- is
kept, and ``\\\\`` prints one backslash. One pass over each line for each change; the
map is an array of the copy's offsets where characters were taken out, searched by
bisection.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from citeaudit.manuscript.document import Document, Line

# a backslash escape CommonMark honours: before any ASCII punctuation character
_ESCAPE = re.compile(r"\\(?:[!-/:-@\[-`{-~])")
# a superscript run holding a link to an anchor: "^[3](#B3),[4](#B4)^", "<sup>...</sup>"
# (bounded, no caret or tag inside: each start scans a short window at most)
_SUPERSCRIPT = re.compile(r"\^[^\^\n]{1,200}\^|<sup>[^<\n]{1,200}</sup>", re.IGNORECASE)
# a bracket set superscript around numbers raised again: "<sup>(<sup>7</sup>)</sup>",
# pandoc's "^(^7^)^", and linked to the entry's anchor, "^[(^40^)](#B40)^" (bounded: one
# start scans a short window at most); the groups are what is taken out
_NESTED_SUPERSCRIPT = re.compile(
    r"(?:<sup>|\^)(\[?)[(\[](<sup>|\^)\d{1,4}(?:\s?[-–−,;]\s?\d{1,4}){0,20}(</sup>|\^)"
    r"[)\]](\]\(#[^()\s]{0,80}\))?(?:</sup>|\^)",
    re.IGNORECASE,
)
# a link of numbers to an anchor: "[3](#B3)", "[10–12](#ref-10)"
_ANCHOR_LINK = re.compile(r"(\[)\d{1,4}(?:\s?[-–−,;]\s?\d{1,4}){0,10}(\]\(#[^()\s]{0,80}\))")


@dataclass(frozen=True, slots=True)
class Unescaped:
    document: Document  # the copy
    taken: tuple[array[int], ...]  # each change's offsets where characters were taken out

    def written(self, offset: int) -> int:
        """The offset into the document's text of the copy's `offset`: a start on a
        character after characters taken out moves onto the first of them, and an end
        (the offset after a marker's last character) stays after that character."""
        for taken in reversed(self.taken):
            offset += bisect.bisect_left(taken, offset)
        return offset


def unescaped(document: Document) -> Unescaped | None:
    """The document with its Markdown escapes, superscripts' links and superscripts
    raised again inside taken out, or None when it is no Markdown or holds none (the
    reader then reads the document)."""
    if document.format != "markdown":
        return None
    lines = document.lines
    taken: list[array[int]] = []
    lowered = document.text.lower()  # "<SUP>" is HTML too
    for cuts, wanted in (
        (_escapes, ("\\",)),
        (_nested_superscripts, ("^", "<sup>")),
        (_superscript_links, ("](#",)),
    ):
        if not any(w in lowered for w in wanted):
            continue
        changed, lines, offsets = _cut(lines, cuts, wanted)
        if changed:
            taken.append(offsets)
            document = dataclasses.replace(document, lines=lines)
    if not taken:
        return None
    return Unescaped(document, tuple(taken))


def _escapes(text: str) -> Iterator[tuple[int, int]]:
    for m in _ESCAPE.finditer(text):
        yield m.start(), m.start() + 1


def _nested_superscripts(text: str) -> Iterator[tuple[int, int]]:
    for m in _NESTED_SUPERSCRIPT.finditer(text):
        opened, closed = m.group(2), m.group(3)
        if (opened == "^") != (closed == "^"):  # "<sup>" closed by a caret: no pair
            continue
        for group in (1, 2, 3, 4):
            if m.start(group) < m.end(group):
                yield m.span(group)


def _superscript_links(text: str) -> Iterator[tuple[int, int]]:
    for run in _SUPERSCRIPT.finditer(text):
        if "](#" not in run.group():
            continue
        for m in _ANCHOR_LINK.finditer(text, run.start(), run.end()):
            yield m.span(1)
            yield m.span(2)


def _cut(
    lines: tuple[Line, ...],
    cuts: Callable[[str], Iterator[tuple[int, int]]],
    wanted: tuple[str, ...],
) -> tuple[bool, tuple[Line, ...], array[int]]:
    """The lines with `cuts`' spans taken out, and the copy's offsets where each taken
    character stood (one entry a character)."""
    taken: array[int] = array("q")
    out: list[Line] = []
    offset = 0  # of the line in the copy's text
    changed = False
    for line in lines:
        text = line.text
        pieces: list[str] = []
        at = 0
        length = 0  # of the copy's line so far
        lowered = text.lower()
        if any(w in lowered for w in wanted):
            for start, end in cuts(text):
                kept = text[at:start]
                pieces.append(kept)
                length += len(kept)
                taken.extend([offset + length] * (end - start))
                at = end
        if not pieces:
            out.append(line)
            offset += len(text) + 1
            continue
        pieces.append(text[at:])
        copy = "".join(pieces)
        changed = True
        out.append(dataclasses.replace(line, text=copy))
        offset += len(copy) + 1
    return changed, tuple(out), taken
