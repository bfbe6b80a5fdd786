"""Class PL: a numbered PDF list whose labels "[7]" stand in a column of their own, set
off the entry's first baseline -- a point or more below (centred on the entry's lines)
or above it, as a Word table or a label box sets them. Each label was a line of its
own joined to the line after it ("[7] vol. 3, pp. 1-9"), every entry cut wrong, and
the labels at a page's top were dropped as page numbers, their entries run into the
entry before. Each entry keeps its own label and text, over a page break too. PDFs are
drawn here with reportlab (made-up text, Spanish and English)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from citeaudit.manuscript.reading import read_manuscript_with_problems

WIDTH, HEIGHT = A4


def _pdf(path: Path, heading: str, line: str, rest: str, count: int, dy: float) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Times-Roman", 10)
    y = HEIGHT - 72
    canvas.drawString(56, y, "Small rivers are hard to gauge [1], [2]; see also [3].")
    y -= 24
    canvas.setFont("Times-Bold", 12)
    canvas.drawString(56, y, heading)
    y -= 20
    page = 1
    for k in range(1, count + 1):
        if y < 100:
            canvas.setFont("Times-Roman", 9)
            canvas.drawString(WIDTH / 2, 40, str(page))
            canvas.showPage()
            page += 1
            y = HEIGHT - 72
        canvas.setFont("Times-Roman", 10)
        canvas.drawString(56, y + dy, f"[{k}]")
        canvas.drawString(92, y, line.format(k=k))
        canvas.drawString(92, y - 12, rest.format(k=k, year=1990 + k))
        y -= 30
    canvas.setFont("Times-Roman", 9)
    canvas.drawString(WIDTH / 2, 40, str(page))
    canvas.showPage()
    canvas.save()
    return path


@pytest.mark.parametrize("dy", [-5.0, -3.0, -1.5, 3.0])
@pytest.mark.parametrize(
    ("heading", "line", "rest"),
    [
        (
            "Bibliografía",
            "M. Autor{k}, \u201cEstudio de ríos pequeños número {k},\u201d Rev. Hidrol.,",
            "vol. {k}, no. 2, pp. {k}-40, {year}.",
        ),
        (
            "References",
            "K. Writer{k} and L. Roe, \u201cGauging small rivers, part {k},\u201d J. Hydrol.,",
            "vol. {k}, pp. 100-120, {year}.",
        ),
    ],
)
def test_each_entry_keeps_its_label_and_its_text(
    tmp_path: Path, heading: str, line: str, rest: str, dy: float
) -> None:
    path = _pdf(tmp_path / "list.pdf", heading, line, rest, 28, dy)
    entries = [e.text for e in read_manuscript_with_problems(path)[0].reference_entries]
    assert len(entries) == 28
    for k, text in enumerate(entries, start=1):
        label = re.match(r"\[(\d+)\]", text)
        assert label is not None and label.group(1) == str(k), text
        assert re.search(rf"(?<!\d){k}(?!\d)", text[label.end() : label.end() + 40]), text
        assert f"{1990 + k}" in text, text
