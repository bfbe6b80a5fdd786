"""Hostile page layouts: the PDF reader's layout analysis (columns, line numbers,
sideways text, reference headings) on pages built to make it work hard or guess
wrong, drawn here with reportlab. Property: a Document or one clear InputError,
within the generous cap the other linear-time tests use."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from citeaudit.errors import InputError
from citeaudit.manuscript.reading import read_manuscript, read_manuscript_with_problems

CAP_SECONDS = 20.0  # the engine's own CPU limit is 60 s; a normal article reads in ~1 s


def _timed_read(path: Path) -> object:
    start = time.perf_counter()
    try:
        result: object = read_manuscript_with_problems(path)
    except InputError as exc:
        result = exc
    assert time.perf_counter() - start < CAP_SECONDS
    return result


def test_thousands_of_scattered_glyphs_and_numbers(tmp_path: Path) -> None:
    """Every glyph its own line, numbers everywhere (line-number and gutter bait)."""
    rng = random.Random(7)
    canvas = Canvas(str(tmp_path / "scatter.pdf"))
    for _ in range(1500):
        canvas.setFont("Times-Roman", rng.choice([4, 9, 30]))
        canvas.drawString(rng.uniform(0, 590), rng.uniform(0, 830), rng.choice("12aZ."))
    canvas.showPage()
    canvas.save()
    result = _timed_read(tmp_path / "scatter.pdf")
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
    result = _timed_read(tmp_path / "heads.pdf")
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
