"""pdf27: a PDF reference entry of many lines is joined in linear work.

A PDF's hanging list is cut into entries by indentation (`pdf_references`), and each
entry's lines are joined into its text, a page range cut after its dash ("189-" /
"203.") read whole. The test for that cut searched the whole text joined so far at
every line: one entry that runs on for n lines was read n^2/2 characters. Nothing
bounds an entry's lines but the document's 3,000,000 characters, and this work is the
parent's, after the engine child and outside its CPU and memory limits: a 240 KB PDF
whose list is one entry of 16,000 lines held a worker 48 s in this step alone (1,000
lines 0.2 s, 4,000 lines 3.0 s); the whole document's cap allowed ~20 minutes.

Counted, not timed (`tests/security/counted_work`): the characters handed to the
regular-expression engine and the calls made, at a base size and 8x it; linear work
grows 8x, the old join ~64x. One case cuts the list directly, one reads a PDF drawn
here with reportlab (the pdfium child is not counted; the parent's reading is).
"""

from __future__ import annotations

import random
import re
import tempfile
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from citeaudit.manuscript import pdf_references
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.pdf import PdfReader
from citeaudit.manuscript.pdf_layout import PdfLine
from tests.security.counted_work import Case, assert_linear

_PER_PAGE = 60


def one_entry_lines(n: int) -> list[tuple[PdfLine, Line]]:
    """A list of one hanging entry: a flush first line and `n` lines set in under it."""
    out = []
    for k in range(n + 1):
        text = (
            "Smith, J. (2020). A title of a work. Journal of Things, 3, 1-9."
            if k == 0
            else f"and more words of one long entry that goes on {k}"
        )
        row = k % _PER_PAGE
        base = 800.0 - 12 * row
        printed = PdfLine(
            page=1 + k // _PER_PAGE,
            x0=60.0 if k == 0 else 75.0,
            x1=400.0,
            top=base + 9,
            base=base,
            size=9.0,
            text=text,
            number=row + 1,
        )
        out.append((printed, Line("paper.pdf", row + 1, text, page=printed.page)))
    return out


def _cut(pairs: list[tuple[PdfLine, Line]]) -> object:
    lefts = {(page, 0): 60.0 for page in range(1, len(pairs) // _PER_PAGE + 2)}
    return pdf_references.split_pdf_entries(pairs, lefts, {}, lambda s: " ".join(s.split()))


def one_entry_pdf(n: int) -> Path:
    """A PDF (drawn here, in a temporary folder) whose list is one entry of `n` lines,
    set flush with no space between entries: the text rules cut it (`_regroup`), and
    its lines, opening in lower case, all go on the first entry."""
    path = Path(tempfile.mkdtemp(prefix="pdf27-")) / "one-entry.pdf"
    canvas = Canvas(str(path), pagesize=(595, 842))
    canvas.setFont("Times-Roman", 10)
    canvas.drawString(60, 800, "Plain body text of the article, citing Smith (2020) as it does.")
    canvas.setFont("Times-Bold", 14)
    canvas.drawString(60, 770, "References")
    canvas.setFont("Times-Roman", 10)
    canvas.drawString(60, 750, "Smith, J. (2020). A title of a work. Journal of Things, 3, 1-9.")
    y = 738.0
    for k in range(n):
        if y < 60:
            canvas.showPage()
            canvas.setFont("Times-Roman", 10)
            y = 800.0
        canvas.drawString(60, y, f"and more words of one long entry that goes on {k}")
        y -= 12
    canvas.showPage()
    canvas.save()
    return path


CASES = {
    "one entry of n lines, cut from its lines": Case(one_entry_lines, _cut, 400),
    "one entry of n lines, read from a PDF": Case(
        one_entry_pdf, lambda path: PdfReader().read(path), 400
    ),
}


def test_joining_an_entry_of_many_lines_grows_linearly() -> None:
    assert_linear(__name__, "one entry of n lines, cut from its lines")


def test_reading_a_pdf_of_one_long_entry_grows_linearly() -> None:
    assert_linear(__name__, "one entry of n lines, read from a PDF")


def test_a_pdf_of_one_long_entry_is_read_as_one_entry(tmp_path: Path) -> None:
    path = one_entry_pdf(120)
    document = PdfReader().read(path)
    assert len(document.reference_entries) == 1
    text = document.reference_entries[0].text
    assert text.startswith("Smith, J. (2020).") and text.count("goes on") >= 100


# --- the join's answers are the ones the whole-text search gave ---------------------

_RANGE_CUT = re.compile(r"\d\s?[-\u2010-\u2014]$")


def _joined_before(parts: list[str]) -> str:
    """The join as it was: the cut searched over all the text joined so far."""
    out = parts[0] if parts else ""
    for part in parts[1:]:
        glue = "" if _RANGE_CUT.search(out) and part[:1].isdigit() else " "
        out += glue + part
    return out


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["Journal 3, 189-", "203."], "Journal 3, 189-203."),
        (["Journal 3, 189 \u2013", "203."], "Journal 3, 189 \u2013203."),
        (["Journal 3, 189", "-", "203."], "Journal 3, 189 -203."),
        (["Journal 3, a-", "203."], "Journal 3, a- 203."),
        (["Journal 3, 189-", "pages"], "Journal 3, 189- pages"),
        ([], ""),
    ],
)
def test_a_page_range_cut_at_its_dash_is_read_whole(parts: list[str], expected: str) -> None:
    assert pdf_references._joined(parts) == expected


def test_the_join_answers_as_the_whole_text_search_did() -> None:
    rng = random.Random(27)
    pieces = ["189-", "203.", "-", "7", " ", "a", "12 -", "\u2013", "x9", "", "9\n-", "4 "]
    for _ in range(4000):
        parts = [rng.choice(pieces) for _ in range(rng.randint(0, 6))]
        assert pdf_references._joined(parts) == _joined_before(parts), parts
