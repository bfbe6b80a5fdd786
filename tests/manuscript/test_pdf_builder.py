"""PDFs the tests print themselves (reportlab), line by line (helpers, no tests here),
so each test knows where every word stands: columns, superscripts, hyphens, running
heads, link annotations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

WIDTH, HEIGHT = A4
MARGIN = 56.0
GUTTER = 20.0
_SUP = re.compile(r"\^\{([^}]*)\}")


@dataclass
class Column:
    """Lines set from the top of a column; an entry in `lines` is its text, or
    (indent, text); "" leaves a blank line (paragraph space)."""

    lines: list[str | tuple[float, str]]
    links: list[tuple[int, str]] = field(default_factory=list)  # (line index, URI)


@dataclass
class Page:
    columns: list[Column]
    header: str | None = "Journal of Made-up Studies 12 (2024)"
    footer_number: bool = True
    title: str | None = None  # set across the page's width, above the columns


def draw_line(canvas: Canvas, x: float, y: float, text: str, size: float) -> float:
    """Text with ^{...} set as a superscript; the x where it ends."""
    pos = 0
    for m in _SUP.finditer(text):
        canvas.setFont("Times-Roman", size)
        canvas.drawString(x, y, text[pos : m.start()])
        x += canvas.stringWidth(text[pos : m.start()], "Times-Roman", size)
        canvas.setFont("Times-Roman", size * 0.6)
        canvas.drawString(x, y + size * 0.38, m.group(1))
        x += canvas.stringWidth(m.group(1), "Times-Roman", size * 0.6)
        pos = m.end()
    canvas.setFont("Times-Roman", size)
    canvas.drawString(x, y, text[pos:])
    return x + canvas.stringWidth(text[pos:], "Times-Roman", size)


def write_pdf(
    path: Path,
    pages: Sequence[Page],
    *,
    size: float = 10.0,
    leading: float = 13.0,
    encrypt: str | None = None,
) -> Path:
    canvas = Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for number, page in enumerate(pages, start=1):
        if page.header:
            canvas.setFont("Times-Italic", 8)
            canvas.drawString(MARGIN, HEIGHT - 30, page.header)
        if page.footer_number:
            canvas.setFont("Times-Roman", 8)
            canvas.drawCentredString(WIDTH / 2, 28, str(number))
        top = HEIGHT - 70
        if page.title:
            canvas.setFont("Times-Bold", 16)
            canvas.drawString(MARGIN, top, page.title)
            top -= 30
        count = len(page.columns)
        width = (WIDTH - 2 * MARGIN - GUTTER * (count - 1)) / count
        for k, column in enumerate(page.columns):
            x0 = MARGIN + k * (width + GUTTER)
            y = top
            ends: list[tuple[float, float, float]] = []
            for item in column.lines:
                indent, text = item if isinstance(item, tuple) else (0.0, item)
                end = draw_line(canvas, x0 + indent, y, text, size) if text else x0
                ends.append((x0 + indent, end, y))
                y -= leading
            for index, uri in column.links:
                start, end, base = ends[index]
                canvas.linkURL(uri, (start, base - 2, end, base + size), relative=0)
        canvas.showPage()
    canvas.save()
    return path


def scanned_pdf(path: Path) -> Path:
    """A page that is only a picture, as a scanner makes it: no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (400, 560), 255)
    draw = ImageDraw.Draw(image)
    for row in range(40, 520, 14):
        draw.line((30, row, 370, row), fill=0, width=3)
    canvas = Canvas(str(path), pagesize=A4)
    canvas.drawImage(ImageReader(image), 40, 100, width=500, height=700)
    canvas.showPage()
    canvas.save()
    return path
