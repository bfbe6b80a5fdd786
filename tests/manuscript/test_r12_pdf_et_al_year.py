"""A parenthetical citation cut between "et" and "al., 2007" at a line end is read
whole. The PDF reader finishes a citation cut at a line end on its first line; for
"Zampino et" / "al., 2007; Nystrom ..." it moved "al." up and left ", 2007;" to open
the next line, so the citation read "Zampino et al." with no year and the entry it
cites was reported uncited. Each PDF is printed here (made-up names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.pdf_layout import PdfLine
from citeaudit.manuscript.pdf_text import join_broken_citations
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

HANG = 18.0

BODY = [
    "Images of patients came from earlier reports (Quorrel, 1993; Makita et al.,",
    "2007; Rauen, 2007; Zampelli et",
    "al., 2007; Nystrand et al., 2008; Cordell et",
    "al., 2009a, 2009b; Kratz, 2009) and from the clinic's own made-up files.",
    "",
]
REFERENCES = [
    "References",
    "Cordell, V., Di Luca, E., & Ma, A. (2009a). A first invented variant. Made-up",
    (HANG, "Genetics, 41, 10-19."),
    "Cordell, V., Di Luca, E., & Ma, A. (2009b). A second invented variant. Made-up",
    (HANG, "Genetics, 41, 20-29."),
    "Kratz, C. (2009). Invented craniofacial findings. Imaginary Journal, 2, 1-9.",
    "Makita, Y., Ito, T., & Sato, K. (2007). Germline variants, made up. Fictional",
    (HANG, "Reports, 3, 4-9."),
    "Nystrand, A., Berg, K., & Holm, L. (2008). An invented phenotype. Made-up",
    (HANG, "Genetics, 40, 1-8."),
    "Quorrel, K. (1993). The first invented review. Imaginary Journal, 1, 1-5.",
    "Rauen, K. (2007). An invented syndrome revisited. Fictional Reports, 3, 1-3.",
    "Zampelli, G., Pantal, F., & Carta, C. (2007). Diversity, made up. Invented",
    (HANG, "Mutations, 28, 265-272."),
]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    page = Page([Column([*BODY, *REFERENCES])], title="Faces of Made-up Syndromes")
    return write_pdf(tmp_path / "faces.pdf", [page])


def test_et_cut_from_al_comma_year_is_read_with_its_year(article: Path) -> None:
    result = audit(AuditInput.from_paths([article]))
    texts = [c.text.replace("\n", " ") for c in result.data.citations]
    items = " | ".join(texts)
    assert "Zampelli et al., 2007" in items
    assert "Cordell et al., 2009a" in items
    codes = sorted(f.code for f in result.findings if f.code.startswith("CIT"))
    assert codes == []  # nothing uncited, nothing missing


def _line(text: str, base: float) -> PdfLine:
    return PdfLine(page=1, x0=56, x1=300, top=base + 8, base=base, size=10, text=text)


def test_the_year_and_its_punctuation_move_up_with_al() -> None:
    lines = [_line("as cited (Rauen, 2007; Zampelli et", 700), _line("al., 2007; Nystrand", 687)]
    joined = join_broken_citations(lines)
    assert joined[0].text == "as cited (Rauen, 2007; Zampelli et al., 2007;"
    assert joined[1].text == "Nystrand"


def test_al_then_a_bracketed_year_or_nothing_moves_as_before() -> None:
    narrative = [_line("as Zampelli et", 700), _line("al. (2007) showed it", 687)]
    assert join_broken_citations(narrative)[0].text == "as Zampelli et al. (2007)"
    words = [_line("as Zampelli et", 700), _line("al. showed it", 687)]
    assert join_broken_citations(words)[0].text == "as Zampelli et al."
