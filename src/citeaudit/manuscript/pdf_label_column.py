"""A numbered list whose labels stand in a column of their own, off the text's baseline.

Why: a Word table or a typesetter's label box sets "[7]" left of its entry and not on
the entry's first baseline -- centred on the entry's lines, or a point or more below or
above. The label is then a line of its own, ordered after the entry's first line, and
the text rules joined it to the line *after* it: the entry's second line became an
entry ("[7] vol. 3, pp. 1-9, 2019.") and its first line was left to the entry before,
so every entry of the list was cut wrong and its numbers named the wrong works. Each
lone label goes back to the entry's first line beside it: the first line, in reading
order, right of it on its page and within a line's height of its baseline.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.pdf_layout import PdfLine

__all__ = ["labels_paired"]

_LONE_LABEL = re.compile(r"\s*(?:\[\d{1,4}\]|\d{1,4}\.)\s*")
_REACH = 1.3  # line heights above or below the label's baseline a first line may stand
_MIN_LABELS = 2
_MAX_TRIED = 8  # lines within reach of one label looked at, at most
# A label stands beside its entry, not a column away; and a line that opens with a
# label is an entry's first line already. Both found in two-column numbered lists: an
# entry's last line that is a year alone ("2012.") reads as a lone label, and it was
# put before the first line of an entry in the next column on its baseline ("2012.
# 48. Man WD, ..."): that entry was joined to the one above and its number lost -- a
# false "missing reference" wherever it was cited.
_GAP = 6.0  # type sizes between a label's right edge and its line's left edge, at most
_HAS_LABEL = re.compile(r"\s*(?:\[\d{1,4}\]|\d{1,4}\.)\s")


def labels_paired(pairs: Sequence[tuple[PdfLine, Line]]) -> list[tuple[PdfLine, Line]]:
    """`pairs` with each lone label joined to the first line of its entry (see the
    module's docstring); unchanged when fewer than two labels stand alone."""
    lone = [i for i, (_, ln) in enumerate(pairs) if _LONE_LABEL.fullmatch(ln.text)]
    if len(lone) < _MIN_LABELS:
        return list(pairs)
    labels = set(lone)
    # each page's other lines by baseline, so a label finds its line by bisection: the
    # page may have been read as two columns, labels first (a pass per label: linear)
    by_page: dict[int, list[tuple[float, int]]] = {}
    for j, (pdf_line, _) in enumerate(pairs):
        if j not in labels:
            by_page.setdefault(pdf_line.page, []).append((pdf_line.base, j))
    for rows in by_page.values():
        rows.sort()
    taken: dict[int, int] = {}  # line index -> label index
    for i in lone:
        label = pairs[i][0]
        reach = _REACH * max(label.size, 1.0)
        rows = by_page.get(label.page, [])
        at = bisect.bisect_left(rows, (label.base - reach, -1))
        best: int | None = None
        for base, j in rows[at : at + _MAX_TRIED]:
            if base > label.base + reach:
                break
            beside = pairs[j][0]
            if j in taken or beside.x0 < label.x1 or beside.x0 - label.x1 > _GAP * label.size:
                continue
            if _LONE_LABEL.match(beside.text) or _HAS_LABEL.match(beside.text):
                continue  # the line opens with a label of its own: no entry takes two
            if best is None or base > pairs[best][0].base:
                best = j  # the highest: the entry's first line
        if best is not None:
            taken[best] = i
    if not taken:
        return list(pairs)
    used = set(taken.values())
    out: list[tuple[PdfLine, Line]] = []
    for j, (pdf_line, line) in enumerate(pairs):
        if j in used:
            continue
        if j in taken:
            label_pdf, label_line = pairs[taken[j]]
            head = label_line.text.strip() + " "
            shifted = tuple((a + len(head), b + len(head)) for a, b in line.superscripts)
            line = dataclasses.replace(line, text=head + line.text, superscripts=shifted)
            pdf_line = dataclasses.replace(pdf_line, x0=label_pdf.x0, text=head + pdf_line.text)
        out.append((pdf_line, line))
    return out
