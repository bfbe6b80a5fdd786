"""A paragraph that ends where a column ends: the page's only sign is the space left.

Text flows to the foot of every column; a column that stops a line or more above the
foot its neighbours reach left room for a line, so what follows it is no line of the
same paragraph (a typesetter keeps a paragraph's first line off the foot, and a heading
with its text). Read without that sign, the paragraph before and the one at the top of
the next column were one, and a citation of the second was placed in the first."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.reading import read_manuscript
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

FULL = 44  # lines in a full column


def _filler(count: int, start: int = 0) -> list[str]:
    """Lines of one running paragraph, each nearly the column's width, none ending
    a sentence."""
    words = [
        "the cores were weighed again after drying and",
        "their mass compared with the field notes kept",
        "by each team during the long winter sampling",
        "season on the northern slope of the old ridge",
    ]
    return [words[(start + k) % len(words)] for k in range(count)]


def _paragraph_after(lines: list[str], last: str) -> str:
    """The line after `last` in the reader's lines ("" is a paragraph break)."""
    k = lines.index(last)
    return lines[k + 1]


def test_a_column_ending_short_of_the_foot_ends_its_paragraph(tmp_path: Path) -> None:
    ending = "season on the northern slope, as expected."
    pages = [
        Page([Column(_filler(FULL)), Column([*_filler(FULL - 3), ending])]),  # room for 2
        Page(
            [
                Column(["A second study sampled the southern slope", *_filler(FULL - 1, 1)]),
                Column(_filler(FULL)),
            ]
        ),
    ]
    document = read_manuscript(write_pdf(tmp_path / "short-column.pdf", pages))
    texts = [line.text for line in document.lines]
    assert _paragraph_after(texts, ending) == ""


def test_a_column_filled_to_the_foot_runs_on(tmp_path: Path) -> None:
    ending = "season on the northern slope, as expected."
    pages = [
        Page([Column(_filler(FULL)), Column([*_filler(FULL - 1), ending])]),
        Page(
            [
                Column(["A second study sampled the southern slope", *_filler(FULL - 1, 1)]),
                Column(_filler(FULL)),
            ]
        ),
    ]
    document = read_manuscript(write_pdf(tmp_path / "full-column.pdf", pages))
    texts = [line.text for line in document.lines]
    assert _paragraph_after(texts, ending) == "A second study sampled the southern slope"
