"""Affiliation marks of a title block, told from superscript citations.

Why: a Word manuscript opens with its title, the authors with superscript affiliation
numbers ("Ana Lima¹ ², Jon Berg³*") and the affiliations each opened by its number
("¹ Department of ..."). Word records those as superscript runs, exactly like numeric
citations printed as superscripts, so the reader linked them to entries 1-7 (a review
of 54 real Word manuscripts: a title block made entries 1 to 7 "cited").

Nothing before the abstract cites a work. The title block is the lines before the
first abstract, keywords or introduction heading (or an inline "Abstract:" label),
or before the first paragraph of running prose, whichever comes first, within the
first `FRONT_LINES` lines; its superscripts lose their mark, its text is left as it
is. A document with neither within reach (a thesis with a cover page and contents)
keeps its marks: nothing is guessed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from citeaudit.manuscript.document import Line

__all__ = ["FRONT_LINES", "without_affiliation_marks"]

FRONT_LINES = 60  # a title block with many authors and affiliations; no more
_PROSE_WORDS = 40  # a paragraph of running text; an author or affiliation line is shorter
_OPENING = re.compile(
    r"^\W{0,3}(?:\d{1,2}\.?\s*+|[IVX]{1,4}\.\s*+)?"
    r"(?:abstract|summary|r[ée]sum[ée]|resumo|resumen|abstrak|zusammenfassung|sammanfattning"
    r"|samenvatting|riassunto|streszczenie|аннотация|реферат|摘要|要旨|highlights"
    r"|key\s*+-?\s*+words?|palavras[\s-]chave|palabras\s++clave|kata\s++kunci|schl[üu]sselw[öo]rter"
    r"|mots[\s-]cl[ée]s|introduction|introdu[çc][ãa]o|introducci[óo]n|pendahuluan|einleitung"
    r"|einf[üu]hrung|introduzione|inleiding|wprowadzenie|введение|background)\b",
    re.IGNORECASE,
)


def without_affiliation_marks(lines: Sequence[Line]) -> list[Line]:
    """`lines` with the superscript marks of the title block unmarked."""
    end = _front_end(lines)
    if end is None:
        return list(lines)
    return [
        dataclasses.replace(line, superscripts=()) if k < end and line.superscripts else line
        for k, line in enumerate(lines)
    ]


def _front_end(lines: Sequence[Line]) -> int | None:
    """The index of the line that ends the title block, or None when none is in reach."""
    for k, line in enumerate(lines[:FRONT_LINES]):
        text = line.text.strip()
        if not text:
            continue
        words = text.split()
        if _OPENING.match(text) and (len(words) <= 6 or _labelled(text)):
            return k
        if len(words) >= _PROSE_WORDS:
            return k
    return None


def _labelled(text: str) -> bool:
    """An inline label: "Abstract: Text ..." / "Keywords. a; b" (a colon or full stop
    within the label's first words)."""
    head = text[:40]
    return ":" in head or "." in head.split(maxsplit=1)[0]
