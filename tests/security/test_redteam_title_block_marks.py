"""Raised marks after authors' names are taken out of a title-block line in one pass.

The PDF reader drops affiliation marks ("Hatami^3,6") from the lines above the first
section heading. For each mark it searched the whole line before it for a name at its
end and rebuilt the line and every later mark's position: per line, marks x length.
A hostile first page of author lines run past the page's edge (4,000 marks on a
28,000-character line took 4.7 s; a page of them minutes) held the worker in its own
process, after the engine's child had ended within its limits. No clock: the parent's
work is counted (tests/security/counted_work.py; the engine's child is not traced),
at a base size and at 8 times it. And a title block's marks still go.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from citeaudit.manuscript.reading import read_manuscript
from tests.manuscript.test_pdf_builder import HEIGHT, draw_line
from tests.security.counted_work import Case, assert_linear

_FOLDER = Path(tempfile.mkdtemp(prefix="citeaudit-title-marks-"))


def _title_page(path: Path, authors: str) -> Path:
    canvas = Canvas(str(path))
    y = HEIGHT - 80
    draw_line(canvas, 60, y, "A Title Of This Paper", 22)
    draw_line(canvas, 20, y - 30, authors, 10)
    draw_line(canvas, 60, y - 60, "Summary", 14)
    draw_line(canvas, 60, y - 80, "Rotation curves show the missing mass^{1} in bulges^{2}.", 10)
    draw_line(canvas, 60, y - 110, "References", 14)
    draw_line(canvas, 60, y - 130, "1. Rubin VC. Rotation curves. ApJ. 1978;225:107.", 10)
    draw_line(canvas, 60, y - 143, "2. Graham AW. Spiral bulges. AJ. 2001;121:820.", 10)
    canvas.showPage()
    canvas.save()
    return path


def _many_marks(n: int) -> Path:
    return _title_page(_FOLDER / f"marks{n}.pdf", "Hatami^{1} " * n)


CASES = {"a title-block line of many marked names": Case(_many_marks, read_manuscript, 150)}


@pytest.mark.parametrize("name", CASES)
def test_marks_cost_linear_work(name: str) -> None:
    assert_linear(__name__, name)


def test_the_marks_of_a_long_author_line_still_go(tmp_path: Path) -> None:
    authors = ", ".join(f"Author{chr(65 + i % 26)}^{{{i % 9 + 1}}}" for i in range(40))
    document = read_manuscript(_title_page(tmp_path / "paper.pdf", authors))
    line = next(ln for ln in document.lines if "AuthorA" in ln.text)
    assert "AuthorA," in line.text and "AuthorA1" not in line.text
    assert not line.superscripts
    body = next(ln for ln in document.lines if "Rotation" in ln.text)
    assert len(body.superscripts) == 2  # marks below the block are citations, kept
