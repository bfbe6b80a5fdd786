"""Lines that only look like headings do not end or start a PDF's reference list.

A PDF gives text line by line: an entry's title going on to a line that opens "Index
of ..." read as the back-matter heading "Index" and ended the list there, and a
section heading wrapped in a narrow column ("... in the Recent" / "Literature") read
as a list headed "Literature". The PDF is printed here (made-up entries)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from citeaudit.manuscript.reading import read_manuscript

BODY = [
    (14.0, "Tidal Sponges: Findings of the Recent"),
    (14.0, "Literature"),
    (10.0, "Reef sponges filter the made-up lagoon [1], as surveys found [2,3]."),
    (10.0, "Their filtering was measured by index [3]."),
    (14.0, "References"),
]
ENTRIES = [
    (0.0, "1. Ilves K, Brandt O. Lagoon sponges of an invented atoll. Imaginary"),
    (12.0, "Reefs. 2018;3:1-9."),
    (0.0, "2. Nakamura S. A Filtering"),
    (12.0, "Index of Sponges in Made-up Lagoons. Reef Notes. 2020;5:10-19."),
    (0.0, "3. Pereira A. Salt wedges revisited. Invented Coasts. 2021;4:2-8."),
]


def _pdf(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    y = 780.0
    for size, text in BODY:
        canvas.setFont("Times-Roman", size)
        canvas.drawString(56, y, text)
        y -= 1.25 * size + (6 if size > 10 else 0)
    canvas.setFont("Times-Roman", 10)
    for indent, text in ENTRIES:
        canvas.drawString(56 + indent, y, text)
        y -= 12.5
    canvas.showPage()
    canvas.save()
    return path


def test_an_entry_line_opening_like_a_heading_does_not_end_the_list(tmp_path: Path) -> None:
    entries = [e.text for e in read_manuscript(_pdf(tmp_path / "run_on.pdf")).reference_entries]
    assert len(entries) == 3
    assert entries[1].startswith("2. Nakamura S. A Filtering Index of Sponges")
    assert entries[2].startswith("3. Pereira A.")
