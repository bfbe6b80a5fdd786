"""The title block ends where the title's lines stop following one another at the
title's own leading. A section heading set in the title's type just below it
("Summary", after a space) was read as the title's last line, so the block ran on to
the next heading, and the raised citation numbers of the summary ("Git-like^1",
"a DOI^2") were taken for affiliation marks and dropped: silent misses. The PDF is
printed here (made-up text)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from citeaudit.audit import AuditInput, audit
from tests.manuscript.test_pdf_builder import draw_line

LINES = [
    (12.0, 15.0, "Why Keep Made-up Document"),
    (12.0, 21.0, "Successions"),
    (12.0, 16.0, "Summary"),
    (9.5, 12.0, "Successions are kept in Git-like^{1} stores and in"),
    (9.5, 12.0, "archives. Each can be cited as a DOI^{2} can, for"),
    (9.5, 21.0, "years to come."),
    (12.0, 16.0, "Reading Venues"),
    (9.5, 21.0, "Invented venues read the XML^{3} of each snapshot."),
    (12.0, 16.0, "References"),
    (9.5, 12.0, "1. Imaginary Wiki (2023). Git-like stores."),
    (9.5, 12.0, "2. Imaginary Wiki (2023). Digital object identifiers."),
    (9.5, 12.0, "3. Imaginary Wiki (2023). Journal tag suites."),
]


def _pdf(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    y = 780.0
    for size, leading, text in LINES:
        draw_line(canvas, 56, y, text, size)
        y -= leading
    canvas.showPage()
    canvas.save()
    return path


def test_a_heading_below_the_title_ends_the_title_block(tmp_path: Path) -> None:
    result = audit(AuditInput.from_paths([_pdf(tmp_path / "successions.pdf")]))
    items = sorted(c.item for c in result.data.citations)
    assert items == ["1", "2", "3"]
    codes = sorted(f.code for f in result.findings if f.code.startswith("CIT"))
    assert codes == []  # entries 1 and 2 are cited, not uncited
