"""A ligature is one printed glyph that stands for several letters ("fi", "ffl"):
pdfium gives each of its letters the glyph's own box, so the second letter starts
where the first does. Read as a jump back along the line, that started a new line
inside the word ("Grif" / "iths"): the name was lost to its citation and its entry
("Grif f iths"), and each side reported the other missing. The PDF is printed here
with the Vera font reportlab ships (its fi and fl are ligature glyphs wider than
0.6 of the type size, as "ffi" is in every font)."""

from __future__ import annotations

from pathlib import Path

import pytest
import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.reading import read_manuscript

_VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"

BODY = [
    "Introduction",
    "Earlier work (Grif\ufb01ths & Raf\ufb02es, 2020) was con\ufb01rmed by",
    "Whit\ufb01eld (2021), whose \ufb01ndings \ufb01t the \ufb02ow model.",
]
ENTRIES = [
    "Grif\ufb01ths, K., & Raf\ufb02es, L. (2020). A \ufb01eld study of \ufb02ows. Journal, 4, 1-9.",
    "Whit\ufb01eld, M. (2021). Con\ufb01rming the \ufb02ow model. Review, 2, 5-9.",
]


def _pdf(path: Path, size: float) -> Path:
    pdfmetrics.registerFont(TTFont("VeraTest", str(_VERA)))
    canvas = Canvas(str(path))
    y = 780.0
    for text in [*BODY, "", "References", *ENTRIES]:
        canvas.setFont("VeraTest", size)
        canvas.drawString(60, y, text)
        y -= 1.35 * size
    canvas.showPage()
    canvas.save()
    return path


@pytest.mark.parametrize("size", [8.0, 10.0, 12.0])
def test_a_ligature_stays_inside_its_line_and_word(tmp_path: Path, size: float) -> None:
    document = read_manuscript(_pdf(tmp_path / "lig.pdf", size))
    texts = [line.text for line in document.lines if line.text]
    assert "Earlier work (Griffiths & Raffles, 2020) was confirmed by" in texts
    assert "Whitfield (2021), whose findings fit the flow model." in texts
    assert [e.text[:30] for e in document.reference_entries] == [
        "Griffiths, K., & Raffles, L. (",
        "Whitfield, M. (2021). Confirmi",
    ]


def test_citations_with_ligatures_find_their_entries(tmp_path: Path) -> None:
    result = audit(AuditInput.from_paths([_pdf(tmp_path / "lig.pdf", 10.0)]))
    assert [c.item for c in result.data.citations] == [
        "Griffiths & Raffles, 2020",
        "Whitfield (2021)",
    ]
    assert len({t for m in result.data.matches for t in m.targets}) == 2
    assert [f.code for f in result.findings if f.code in ("CIT001", "CIT002")] == []
