"""The end of a reference entry set alone at the top of a short article's last page
stays that entry's.

A column's left edge is measured on its own page; a page whose column holds only the
indented end of an entry measures its edge at the indent, and the end reads as a flush
line -- an entry of its own ("The Made-up Entomological Institute." reported uncited,
and its entry cut short). The usual edge of the column on other pages stood in only
where two other pages of the same side agreed, which a two- or three-page article
never has (fresh corpus printed in two columns, bdj-2-e1050). Made-up entries; the
PDFs are printed here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.pdf_pages import _typical_lefts
from citeaudit.manuscript.reading import read_manuscript
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

HANG = 14.0
BODY = [
    "Antlions dig made-up pits (Oduya, 2011) in sand,",
    "as a catalogue lists (Quellmaier, 2004).",
    "",
    "References",
    "Oduya, K. (2011). Waiting larvae. Invented Journal of",
    (HANG, "Sand, 3, 1-9."),
]
LAST_LINE = "The Made-up Entomological Institute."
LAST_ENTRY: list[str | tuple[float, str]] = [
    "Quellmaier, L. A. (2004). A systematic catalog of the",
    (HANG, "made-up antlions of an invented world (Insecta:"),
    (HANG, "Neuroptera: Myrmeleontidae)."),
]


def _entries(first: int, count: int) -> list[str | tuple[float, str]]:
    """`count` two-line entries, hanging, named after their number in letters (digits
    alone would make the tops of the columns read alike: a running head)."""
    out: list[str | tuple[float, str]] = []
    for k in range(first, first + count):
        name = "Pa" + "".join("bcdfghjklm"[int(d)] for d in f"{k:03d}")
        out += [f"{name}, A. (2001). Invented work on {name}. Made-up", (HANG, "Journal, 1, 1-9.")]
    return out


def _pages(extra: int) -> list[Page]:
    """The body and the list's start on page 1, `extra` pages of entries after it, the
    last entry's last line alone at the top of the last page."""
    first = Page([Column([*BODY, *_entries(0, 10)]), Column(_entries(10, 25))])
    middle = [
        Page([Column(_entries(35 + 50 * p, 25)), Column(_entries(60 + 50 * p, 25))])
        for p in range(extra)
    ]
    middle_end = Page([Column(_entries(200, 10) + LAST_ENTRY), Column([])])
    last = Page([Column([(HANG, LAST_LINE)]), Column([])])
    return [first, *middle, middle_end, last] if extra else [first, middle_end, last]


@pytest.mark.parametrize("extra", [0, 1], ids=["three pages", "four pages"])
def test_an_entrys_end_alone_on_the_last_page_stays_in_the_entry(
    tmp_path: Path, extra: int
) -> None:
    path = write_pdf(tmp_path / "antlions.pdf", _pages(extra))
    entries = [e.text for e in read_manuscript(path).reference_entries]
    assert len(entries) == 2 + 45 + 50 * extra
    assert entries[-1].startswith("Quellmaier")
    assert entries[-1].endswith(LAST_LINE)
    result = audit(AuditInput.from_paths([path]))
    uncited = [f.message for f in result.findings if f.code == "CIT001"]
    assert not [m for m in uncited if "Entomological" in m]
    assert not [m for m in uncited if "Quellmaier" in m or "Oduya" in m]


def test_a_page_of_the_other_side_set_further_in_keeps_its_edge() -> None:
    # mirrored margins: the even page's columns stand 14 points right of the odd
    # page's; a column of many lines there is a page of its own, not an entry's end
    lefts = {(1, 0): 56.0, (1, 1): 300.0, (2, 0): 70.0, (2, 1): 314.0}
    held = {(1, 0): 40, (1, 1): 40, (2, 0): 40, (2, 1): 40}
    assert _typical_lefts(lefts, Counter(held)) == lefts


def test_a_full_column_is_measured_on_its_own_side_as_before() -> None:
    # a one-column article whose pages 9 and 11 hold a line set further left (code,
    # a wide caption): page 13's list of nine lines keeps its own edge -- measured
    # against the 149 of those pages, its flush entries read as continuations, and
    # four entries of a real JOSS paper ran into one
    lefts = {(1, 0): 28.0, (3, 0): 166.4, (5, 0): 166.4, (7, 0): 166.6, (9, 0): 149.0}
    lefts |= {(11, 0): 149.0, (12, 0): 166.9, (13, 0): 166.9}
    held = Counter({key: 20 for key in lefts})
    held[(13, 0)] = 9
    assert _typical_lefts(lefts, held)[(13, 0)] == 166.9
