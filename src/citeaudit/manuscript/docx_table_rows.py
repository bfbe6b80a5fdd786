"""Reference lists laid out as a table: a number cell, then the entry's cell.

Why: IEEE-style Word templates (and authors who want the numbers aligned) put the list
in a two-column table without borders -- "[1]" in the first cell, the entry in the
second. Read cell by cell, the number and the entry were two paragraphs, so the list
read as twice as many entries: each "[1]" one entry, each text another. Word shows
one row per entry: the number before its text. So a first cell that holds only a list
number is read as the label of the row's next paragraph, as a typed "[1] text" is.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["in_row", "row_label"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TC = f"{{{_W}}}tc"
_TR = f"{{{_W}}}tr"
_P = f"{{{_W}}}p"
_T = f"{{{_W}}}t"
# "[12]", "(12)", "12.", "12)", "12"
_LABEL = re.compile(r"\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)]?)\s*")
_MAX_LOOK = 200  # text nodes looked at in the rest of the row: enough to see it holds text


def row_label(paragraph: Any, text: str) -> Any | None:
    """The row when `paragraph` is the whole first cell of a table row and reads as a
    list number, and a later cell of the row holds text; else None."""
    if _LABEL.fullmatch(text) is None:
        return None
    cell = paragraph.getparent()
    if cell is None or cell.tag != _TC:
        return None
    row = cell.getparent()
    if row is None or row.tag != _TR:
        return None
    cells = [c for c in row if c.tag == _TC]
    if (
        not cells
        or cells[0] is not cell
        or any(p is not paragraph and _holds_text(p) for p in cell.findall(_P))
    ):
        return None
    return row if any(_holds_text(other) for other in cells[1:]) else None


def in_row(paragraph: Any, row: Any) -> bool:
    """Whether `paragraph` stands in a cell of `row` (directly, as Word writes it)."""
    cell = paragraph.getparent()
    return cell is not None and cell.getparent() is row


def _holds_text(element: Any) -> bool:
    for k, node in enumerate(element.iter(_T)):
        if k >= _MAX_LOOK:
            return False
        if (node.text or "").strip():
            return True
    return False
