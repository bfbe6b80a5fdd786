"""Figure and table captions read after the sentence they interrupt.

A typesetter floats a figure or a table to the top (or foot) of a column or page,
its caption with it, so a sentence that runs on from one column into the next is
printed with the caption between its halves: "(Abbott, 2019; Brandt &" / "Figure 1.
The effect in ..." / "Cole, 2020)". Read in the page's order, the citation cut there
took in the caption and lost its names. A reader reads the sentence to its end and
the caption apart; so does this module: a caption set off from the text by a column
or page break or by space, that stands after a line ending mid-sentence, is moved
after the line where that sentence ends. Every line keeps its page and number.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence

from citeaudit.manuscript.pdf_layout import PdfLine, body_size

__all__ = ["float_captions"]

# "Figure 1.", "Fig. 2:", "Table 3 |", "TABLE 4 -", "Figure 5 The ..." (Nature's bold label)
_CAPTION = re.compile(
    r"\s*(?:Fig(?:ure)?s?\.?|FIGURE|FIG\.|Table|TABLE|Tab\.|Figura|FIGURA|Tabela|TABELA|Tabla"
    r"|TABLA|Quadro|QUADRO|Cuadro|CUADRO|Gráfico|GRÁFICO|Abbildung|Abb\.|Tableau|Chart|Scheme"
    r"|Box|Plate|Exhibit|Map|Mapa|Graph)\s*[A-Z]?\d{1,3}(?:\.\d{1,3})?[a-z]?"
    r"(?:\s*[.:|—–-]|\s+[A-ZÀ-Ö]|\s*$)"
)
# A line stops mid-sentence on a word, a comma or semicolon, "&", a dash or an opening
# bracket; one ending on a number, a closing bracket or a link may end its paragraph
# (a caption's DOI, "... respectively)"), and a caption after it floats nowhere.
_MID_SENTENCE = re.compile(r"(?:[^\W\d_]|[,;&(\[–—-])$")
_LINK_END = re.compile(r"(?:https?://|doi:|www\.|\b10\.\d{4,9}/)\S*$", re.IGNORECASE)
# a full stop that ends an abbreviation, not the sentence ("Abbott et al." / "(2019)")
_ABBREVIATION = re.compile(
    r"(?:\bet al|\be\.g|\bi\.e|\bcf|\bvs|\bFigs?|\bEqs?|\bca|\bapprox|\bno|\bvol"
    r"|\bpp?|\bed|\beds|\bJr|\bDr|\bSr|\bSt|(?<![^\W\d_])[A-Z])\.$",
)
_BLOCK_LINES = 8  # a caption is a few lines: a longer block is text, left where it is
_AHEAD = 12  # lines looked at, after the caption, for the end of the sentence it cut
_CHAINED = 3  # captions that may follow the first and float with it
_SPACED = 1.3  # of the usual leading: space that sets a block apart
_SAME_TYPE = 0.06  # of a size: type this close is the same type


def float_captions(flow: Sequence[PdfLine]) -> tuple[list[PdfLine], set[int]]:
    """The lines with each interrupting caption moved after the sentence it cut, and
    the positions (in the lines returned) that open a paragraph: the caption's first
    line and the line after it. One pass; each line is looked at a bounded number of
    times (a block is at most `_BLOCK_LINES`, the look ahead `_AHEAD`)."""
    leading = _leading(flow)
    body = body_size([list(flow)])
    out: list[PdfLine] = []
    breaks: set[int] = set()
    i, n = 0, len(flow)
    while i < n:
        line = flow[i]
        moved = out and _CAPTION.match(line.text) and _cut_before(out[-1], line, leading, body)
        if moved:
            j = _block_end(flow, i, leading)
            # captions one after another (a figure's caption in two languages) float
            # together, at most `_BLOCK_LINES` lines each and `_CHAINED` more of them:
            # a page of one-line captions would otherwise be walked from each of them
            for _ in range(_CHAINED):
                if j is None or j >= n or not _CAPTION.match(flow[j].text):
                    break
                j = _block_end(flow, j, leading)
            k = _sentence_end(flow, j, body, leading) if j is not None else None
            if j is not None and k is not None:
                out.extend(flow[j : k + 1])
                breaks.add(len(out))
                out.extend(flow[i:j])
                breaks.add(len(out))
                i = k + 1
                continue
        out.append(line)
        i += 1
    return out, breaks


def _leading(flow: Sequence[PdfLine]) -> float:
    gaps = [
        a.foot - b.base
        for a, b in itertools.pairwise(flow)
        if a.page == b.page and a.column == b.column and a.foot > b.base
    ]
    return statistics.median(gaps) if gaps else 12.0


def _apart(above: PdfLine, below: PdfLine, leading: float) -> bool:
    """`below` is set off from `above`: another column or page, or space between."""
    if (above.page, above.column) != (below.page, below.column):
        return True
    return above.foot - below.base > _SPACED * leading or below.base > above.foot


def _in_body_type(line: PdfLine, body: float) -> bool:
    """Set in the body's type: not a figure's own labels, a heading or a note."""
    return abs(line.size - body) <= _SAME_TYPE * body


def _cut_before(before: PdfLine, caption: PdfLine, leading: float, body: float) -> bool:
    """The line before the caption is the body's and stops mid-sentence, and the
    caption stands apart from it."""
    text = before.text.rstrip()
    if before.bold or not _MID_SENTENCE.search(text) or _LINK_END.search(text):
        return False  # a heading, or a line that ends as much as a sentence does
    return _in_body_type(before, body) and _apart(before, caption, leading)


def _next_in_column(above: PdfLine, line: PdfLine, leading: float) -> bool:
    """`line` is the one below `above` in the same column, at the usual leading."""
    same = (above.page, above.column) == (line.page, line.column)
    return same and 0 < above.foot - line.base <= _SPACED * leading


def _block_end(flow: Sequence[PdfLine], i: int, leading: float) -> int | None:
    """Where the caption's block from `i` ends: its lines in one type, each below the
    one before at the usual leading (in whatever column: a caption set across the
    page may end on a short line the page's columns take in); then space, a jump up
    (the next column) or another page. None when it does not end so within
    `_BLOCK_LINES` lines (text, not a caption)."""
    first = flow[i]
    for j in range(i + 1, min(i + 1 + _BLOCK_LINES, len(flow))):
        above, line = flow[j - 1], flow[j]
        below = above.page == line.page and 0 < above.foot - line.base <= _SPACED * leading
        if not below or abs(line.size - first.size) > _SAME_TYPE * first.size:
            return j
    return None


def _sentence_end(flow: Sequence[PdfLine], j: int, body: float, leading: float) -> int | None:
    """The line at or after `j` where the cut sentence ends: the lines from `j` on in
    the body's type, each the next in its column, one ending a sentence within
    `_AHEAD` lines; None when another caption, other type or a jump comes first."""
    for k in range(j, min(j + _AHEAD, len(flow))):
        line = flow[k]
        if not _in_body_type(line, body) or _CAPTION.match(line.text):
            return None
        if k > j and not _next_in_column(flow[k - 1], line, leading):
            return None  # a table's cells after its caption, not a paragraph going on
        text = line.text.rstrip()
        if text.endswith((".", "!", "?", ".)", ".”", '."', "?”")) and not _ABBREVIATION.search(
            text
        ):
            return k
    return None
