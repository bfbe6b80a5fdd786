"""The title block of a published PDF's first page: the raised numbers after authors'
names point at affiliations, not at entries. Each PDF is drawn here, line by line."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.reading import read_manuscript
from tests.manuscript.test_pdf_builder import HEIGHT, draw_line


def _title_page(path: Path, title: list[str]) -> Path:
    canvas = Canvas(str(path))
    y = HEIGHT - 80
    for line in title:
        draw_line(canvas, 60, y, line, 22)
        y -= 28
    draw_line(canvas, 60, y - 6, "Ana Arellano^{1,2}, Edder Bustos^{3}, Julia", 10)
    draw_line(canvas, 60, y - 20, "Johnston^{2,4}", 10)
    draw_line(canvas, 60, y - 36, "1 University of Colorado 2 UNAM 3 Cinvestav 4 Conacyt", 8)
    y -= 70
    draw_line(canvas, 60, y, "Summary", 14)
    draw_line(canvas, 60, y - 20, "Rotation curves show the missing mass^{1} in bulges^{2}.", 10)
    draw_line(canvas, 60, y - 50, "References", 14)
    draw_line(canvas, 60, y - 70, "1. Rubin VC. Rotation curves. ApJ. 1978;225:107.", 10)
    draw_line(canvas, 60, y - 83, "2. Graham AW. Spiral bulges. AJ. 2001;121:820.", 10)
    canvas.showPage()
    canvas.save()
    return path


def test_marks_after_authors_under_a_title_of_three_lines_are_no_citations(
    tmp_path: Path,
) -> None:
    # the title's lines are each set large (each reads as a heading): the block ends
    # at the heading after the title, not at the title's second line
    path = _title_page(
        tmp_path / "title.pdf",
        ["Can you predict the future? A tutorial", "for the Ecological Forecasting", "Challenge"],
    )
    document = read_manuscript(path)
    texts = {ln.number: ln.text for ln in document.lines}
    cited = [(texts[c.location.line or 0], c.number) for c in extract_citations(document)]
    assert cited == [("Rotation curves show the missing mass1 in bulges2.", n) for n in (1, 2)]


def test_marks_after_authors_under_a_one_line_title_are_no_citations(tmp_path: Path) -> None:
    path = _title_page(tmp_path / "title.pdf", ["Dark Matter in the Classroom"])
    document = read_manuscript(path)
    cited = [c.number for c in extract_citations(document)]
    assert cited == [1, 2]
