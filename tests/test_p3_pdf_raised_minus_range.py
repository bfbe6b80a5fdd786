"""A raised citation range set with U+2212 MINUS SIGN ("complexes.^35−37 In"), as
ACS and other chemistry journals set it, and as a word processor's "−" prints. The
reader kept a raised run as a superscript only when it held digits and the ASCII
hyphen or the en and em dashes: the minus sign made the run no citation, its numbers
were read flat into the word before ("complexes.35−37"), and every entry of the range
was called never cited. Each PDF is set here with reportlab's paragraphs in the Vera
font reportlab ships (it has the minus sign), in one and in two columns (made-up
text)."""

from __future__ import annotations

from pathlib import Path

import pytest
import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.reading import read_manuscript

_VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"

BODY = [
    "Introduction",
    "Ligands of this kind bind many metal complexes.<super>2\u22124</super> In water they"
    " fold slowly<super>1</super> and the rate rises with the temperature.<super>5</super>",
]
ENTRIES = [
    "1. Abbott J. A made-up study of folding. J Stuff. 2019;3:1-10.",
    "2. Brandt K. Another made-up study of ligands. J Stuff. 2020;4:11-19.",
    "3. Dunmore M. A third made-up study of complexes. Rev Things. 2018;2:5-9.",
    "4. Gray P. A fourth made-up study of metals. Chem Notes. 2021;7:1-4.",
    "5. Van der Berg Q. A fifth made-up study of heat. Heat Lett. 2017;1:2-3.",
]


def _pdf(path: Path, columns: int) -> Path:
    pdfmetrics.registerFont(TTFont("VeraP3", str(_VERA)))
    body = ParagraphStyle("body", fontName="VeraP3", fontSize=9.5, leading=12, spaceAfter=4)
    head = ParagraphStyle("head", fontName="VeraP3", fontSize=12, leading=15, spaceAfter=4)
    entry = ParagraphStyle("entry", fontName="VeraP3", fontSize=8.5, leading=10.5)
    story = [Paragraph(BODY[0], head), Paragraph(BODY[1], body), Paragraph("References", head)]
    story += [Paragraph(text, entry) for text in ENTRIES]
    width, height = A4
    margin, gap = 50.0, 18.0
    column = (width - 2 * margin - gap * (columns - 1)) / columns
    frames = [
        Frame(margin + k * (column + gap), margin, column, height - 2 * margin)
        for k in range(columns)
    ]
    template = PageTemplate("page", frames=frames)
    BaseDocTemplate(str(path), pagesize=A4, pageTemplates=[template]).build(story)
    return path


@pytest.mark.parametrize("columns", [1, 2])
def test_a_raised_range_with_a_minus_sign_is_a_superscript(tmp_path: Path, columns: int) -> None:
    document = read_manuscript(_pdf(tmp_path / "minus.pdf", columns))
    raised = [line.text[a:b] for line in document.lines for a, b in line.superscripts]
    assert "2\u22124" in raised


@pytest.mark.parametrize("columns", [1, 2])
def test_every_entry_of_a_minus_sign_range_is_cited(tmp_path: Path, columns: int) -> None:
    result = audit(AuditInput.from_paths([_pdf(tmp_path / "minus.pdf", columns)]))
    assert len(result.data.references) == 5
    assert [f.message for f in result.findings if f.code in ("CIT001", "CIT002")] == []
