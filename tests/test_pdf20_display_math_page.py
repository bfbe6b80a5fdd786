"""A single-column page whose display equation sets pieces right of the page's middle
(the cases of a piecewise function, an integrand, the equation number '(1)') read as
a two-column page: beside the equation's left half and the short lines near it (a
paragraph's last line, the 'References' heading), the pieces looked like a second
column, were read after the left-hand lines -- after 'References' -- and became the
list's first entry, reported as never cited ("0 if x < 0 1 else (1)").

Columns are columns of prose: each side of a gutter must hold lines that fill a good
part of their side, not only the short pieces of a formula. Each PDF is drawn here
with reportlab (made-up text and formulas)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from citeaudit.audit import AuditInput, audit

WIDTH, HEIGHT = A4
LEFT = 72.0

_BODY = [
    "The density of the counts is estimated by a kernel whose width is chosen from",
    "the data (Abbott, 2001), and the estimate is compared with the histogram of the",
    "same counts (Brandt & Cole, 2004) as the equation below states for one variable",
    "in its simplest form.",
]
_LIST = [
    "Abbott, J. (2001). Kernel widths chosen from data. Journal of Made-up Statistics, 3, 1-10.",
    "Brandt, K., & Cole, L. (2004). Histograms and kernels compared. Made-up Review, 5, 11-20.",
]


def _page(path: Path, pieces: list[tuple[float, float, str]]) -> Path:
    """The body, a display equation of `pieces` (x, drop below the body, text), one
    short line, the 'References' heading and the list, on one single-column page."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Times-Italic", 8)
    canvas.drawString(LEFT, HEIGHT - 30, "Journal of Made-up Studies 12 (2024)")
    canvas.setFont("Times-Roman", 10)
    y = HEIGHT - 80
    for text in _BODY:
        canvas.drawString(LEFT, y, text)
        y -= 13
    for x, drop, text in pieces:
        canvas.drawString(x, y - drop, text)
    y -= 70
    canvas.drawString(LEFT, y, "as was done before.")
    y -= 30
    canvas.setFont("Times-Bold", 12)
    canvas.drawString(LEFT, y, "References")
    y -= 20
    canvas.setFont("Times-Roman", 10)
    for text in _LIST:
        canvas.drawString(LEFT, y, text)
        y -= 13
    canvas.drawCentredString(WIDTH / 2, 28, "3")
    canvas.showPage()
    canvas.save()
    return path


def _check(path: Path) -> None:
    result = audit(AuditInput.from_paths([path]))
    raws = [r.raw.replace("\n", " ") for r in result.data.references]
    assert len(raws) == 2 and raws[0].startswith("Abbott"), raws
    assert [f.message for f in result.findings if f.code in ("CIT001", "CIT002")] == []


def test_the_cases_of_a_piecewise_function(tmp_path: Path) -> None:
    pieces = [
        (250.0, 20, "K(u) ="),
        (310.0, 10, "0 if u < 0"),
        (310.0, 30, "1 otherwise"),
        (520.0, 20, "(1)"),
    ]
    _check(_page(tmp_path / "cases.pdf", pieces))


def test_an_integral_with_its_equation_number(tmp_path: Path) -> None:
    pieces = [
        (240.0, 25, "F(w) ="),
        (302.0, 15, "inf"),
        (314.0, 25, "f(x) exp(iwx) dx"),
        (302.0, 38, "-inf"),
        (515.0, 25, "(2.3)"),
    ]
    _check(_page(tmp_path / "integral.pdf", pieces))


def test_two_aligned_rows_of_a_system(tmp_path: Path) -> None:
    pieces = [
        (230.0, 12, "x + y"),
        (300.0, 12, "= 2a,"),
        (230.0, 34, "x - y"),
        (300.0, 34, "= 2b."),
        (520.0, 23, "(4)"),
    ]
    _check(_page(tmp_path / "system.pdf", pieces))
