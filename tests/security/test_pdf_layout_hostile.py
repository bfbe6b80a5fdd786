"""Hostile page layouts: the PDF reader's layout analysis (columns, line numbers,
sideways text, reference headings) on pages built to make it work hard or guess
wrong. Drawn with reportlab, a page reads to a Document or one clear InputError (the
engine's own CPU and memory limits bound a read: pdf_isolated). Built as glyphs, a
page's layout work is counted at a base size and at 8 times it
(tests/security/counted_work.py): linear grows 8x, a pairwise step 64x. No clock."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from citeaudit.errors import InputError
from citeaudit.manuscript.pdf_layout import Glyph, PdfLine, order_page, page_lines, strip_furniture
from citeaudit.manuscript.reading import read_manuscript, read_manuscript_with_problems
from tests.security.counted_work import Case, assert_linear

WIDTH, HEIGHT = 595.0, 842.0


def _read(path: Path) -> object:
    try:
        result: object = read_manuscript_with_problems(path)
    except InputError as exc:
        result = exc
    return result


def _glyphs(text: str, x: float, base: float, size: float = 9.0) -> list[Glyph]:
    step = size * 0.5
    return [
        Glyph(
            c,
            x + k * step,
            x + (k + 1) * step,
            base - 0.2 * size,
            base + 0.7 * size,
            base,
            c == " ",
        )
        for k, c in enumerate(text)
    ]


def scattered(n: int) -> list[Glyph]:
    """Every glyph its own line, numbers everywhere (line-number and gutter bait)."""
    rng = random.Random(7)
    return [
        g
        for _ in range(n)
        for g in _glyphs(
            rng.choice("12aZ."), rng.uniform(0, 590), rng.uniform(0, 830), rng.choice([4, 9, 30])
        )
    ]


def numbered_lines(n: int) -> list[Glyph]:
    """A review copy's margin numbers on every line, two columns, lines packed tight."""
    out: list[Glyph] = []
    for k in range(n):
        base = HEIGHT - (k % 400) * 2.0
        out += _glyphs(str(k + 1), 20, base)
        out += _glyphs("Smith, J. (2020). A title.", 60 + (k % 2) * 260, base)
    return out


def _layout(glyphs: list[Glyph]) -> list[PdfLine]:
    return order_page(page_lines(glyphs, 1), WIDTH)


def _pages(count: int) -> list[list[PdfLine]]:
    """Pages each with a running head, a page number and a foot that repeat."""
    return [
        _layout(
            _glyphs("Journal of Made-up Results", 60, 820)
            + _glyphs(f"Line of text {k}", 60, 400)
            + _glyphs(str(k + 1), 290, 20)
        )
        for k in range(count)
    ]


CASES = {
    "scattered glyphs": Case(scattered, _layout, 800),
    "numbered lines": Case(numbered_lines, _layout, 60),
    "running heads": Case(_pages, lambda pages: strip_furniture(pages, [HEIGHT] * len(pages)), 40),
}
# pdf_layout._type_changes paired every type-size change of the left column with every
# one of the right: glyphs of random sizes make a change every few lines (x18 work for
# x8 glyphs from 800); now a column changing type that often has no cut to pair.


@pytest.mark.parametrize("name", list(CASES))
def test_layout_work_grows_linearly(name: str) -> None:
    assert_linear(__name__, name)


def test_thousands_of_scattered_glyphs_and_numbers(tmp_path: Path) -> None:
    """Every glyph its own line, numbers everywhere (line-number and gutter bait)."""
    rng = random.Random(7)
    canvas = Canvas(str(tmp_path / "scatter.pdf"))
    for _ in range(1500):
        canvas.setFont("Times-Roman", rng.choice([4, 9, 30]))
        canvas.drawString(rng.uniform(0, 590), rng.uniform(0, 830), rng.choice("12aZ."))
    canvas.showPage()
    canvas.save()
    result = _read(tmp_path / "scatter.pdf")
    assert isinstance(result, tuple | InputError)


def test_a_page_of_reference_headings(tmp_path: Path) -> None:
    """Hundreds of "References" headings: the lists read are capped, not one per heading."""
    canvas = Canvas(str(tmp_path / "heads.pdf"))
    for _page in range(5):
        y = 800.0
        while y > 40:
            canvas.setFont("Times-Bold", 14)
            canvas.drawString(60, y, "References")
            canvas.setFont("Times-Roman", 9)
            canvas.drawString(60, y - 12, "Smith, J. (2020). A title. Journal, 1, 2-3.")
            y -= 30
        canvas.showPage()
    canvas.save()
    result = _read(tmp_path / "heads.pdf")
    assert isinstance(result, tuple)
    document, _ = result
    assert len(document.reference_entries) <= 4 * 30  # four lists at most, never all


def test_a_manuscript_printed_sideways_is_one_clear_error(tmp_path: Path) -> None:
    canvas = Canvas(str(tmp_path / "turned.pdf"))
    canvas.translate(300, 100)
    canvas.rotate(90)
    canvas.setFont("Times-Roman", 10)
    for k in range(40):
        canvas.drawString(0, -12 * k, f"Line {k} of a manuscript set on its side (Smith, 2020).")
    canvas.showPage()
    canvas.save()
    with pytest.raises(InputError, match="sideways"):
        read_manuscript(tmp_path / "turned.pdf")
