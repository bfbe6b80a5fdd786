"""pdf27: a chain of cut-link lines each carrying a raised mark is joined in linear work.

`pdf_text.join_broken_words` joins a URL cut at a line end with the next line's first
token, and a line of one token is taken whole, so a chain of them grows one line. The
chain stops at 4,096 characters (`_MAX_JOINED`), which bounded the text but not the
raised marks (superscripts) carried with it: every join copied the line's marks, so
a chain of lines "¹x/" under "https://a.example/" copied marks^2/2 -- 2,000 marks a
line, 0.33 s of the worker's own CPU (the parent, outside the engine child's limits)
for every 4,000 characters of the document; the document's 3,000,000 characters
allowed minutes. A line joined past `_MAX_JOINED_MARKS` marks takes no more joins.

Counted, not timed (`tests/security/counted_work`): the calls made at a base size and
8x it, in `join_broken_words` directly and in reading a PDF drawn here (reportlab;
the pdfium child is not counted).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from citeaudit.manuscript.pdf import PdfReader
from citeaudit.manuscript.pdf_layout import PdfLine
from citeaudit.manuscript.pdf_text import join_broken_words
from tests.security.counted_work import Case, assert_linear


def marked_chain(n: int) -> list[PdfLine]:
    """A cut address and `n` lines "1x/", each "1" raised."""
    out = []
    for k in range(n + 1):
        row = k % 60
        base = 800.0 - 12 * row
        text, marks = ("See https://a.example/", ()) if k == 0 else ("1x/", ((0, 1),))
        out.append(
            PdfLine(
                page=1 + k // 60,
                x0=60.0,
                x1=500.0,
                top=base + 9,
                base=base,
                size=9.0,
                text=text,
                superscripts=marks,
                number=row + 1,
            )
        )
    return out


def marked_chain_pdf(n: int) -> Path:
    """The same drawn in a PDF (in a temporary folder): "1" set small and raised."""
    path = Path(tempfile.mkdtemp(prefix="pdf27-")) / "marks.pdf"
    canvas = Canvas(str(path), pagesize=(595, 842))
    canvas.setFont("Times-Roman", 10)
    canvas.drawString(60, 800, "Plain body text of the article, as it goes on here and on.")
    canvas.drawString(60, 788, "See the address https://a.example/")
    y = 776.0
    for _ in range(n):
        if y < 60:
            canvas.showPage()
            y = 800.0
        canvas.setFont("Times-Roman", 6)
        canvas.drawString(60, y + 4, "1")
        canvas.setFont("Times-Roman", 10)
        canvas.drawString(63, y, "x/")
        y -= 12
    canvas.showPage()
    canvas.save()
    return path


CASES = {
    "raised marks on a chain of cut-link lines": Case(marked_chain, join_broken_words, 250),
    "raised marks on a chain of cut-link lines, read from a PDF": Case(
        marked_chain_pdf, lambda path: PdfReader().read(path), 250
    ),
}


def test_joining_lines_with_raised_marks_grows_linearly() -> None:
    assert_linear(__name__, "raised marks on a chain of cut-link lines")


def test_reading_a_pdf_of_marked_link_lines_grows_linearly() -> None:
    assert_linear(__name__, "raised marks on a chain of cut-link lines, read from a PDF")


def test_a_cut_address_still_takes_its_marked_pieces(tmp_path: Path) -> None:
    """A few pieces (any printed line's worth) are still joined, marks kept in place."""
    document = PdfReader().read(marked_chain_pdf(20))
    joined = next(line for line in document.lines if "https://" in line.text)
    assert joined.text.endswith("https://a.example/" + "1x/" * 20)
    assert len(joined.superscripts) == 20
    assert all(joined.text[a:b] == "1" for a, b in joined.superscripts)
