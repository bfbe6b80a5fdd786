"""A citation whose rest fills the next line on its own is read whole.

Found by printing the dev corpus in two columns (benches/pdf.py): "... given in
Table 3 of Malaria" / "Genomic Epidemiology Network et al. (2014)" / "(page 1201).
The results ...". The line-end join moves a cut citation's rest up to the line it
starts on, but never when that takes the next line whole (an emptied line reads as a
paragraph break), so the citation was read as "Genomic Epidemiology Network et al.
(2014)" -- a work the list does not hold: a false "missing reference", and the
group's entry a false "never cited". Now the citation's start goes down instead.

Made-up names; the PDF is printed here."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.pdf_layout import PdfLine
from citeaudit.manuscript.pdf_text import join_broken_citations
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf


def _line(text: str, base: float) -> PdfLine:
    return PdfLine(page=1, x0=56, x1=300, top=base + 8, base=base, size=10, text=text)


def _joined(*texts: str) -> list[str]:
    lines = [_line(t, 700 - 13 * k) for k, t in enumerate(texts)]
    return [ln.text for ln in join_broken_citations(lines)]


def test_a_names_run_start_goes_down_to_the_line_its_rest_fills() -> None:
    assert _joined(
        "the odds are given in Table 3 of Quarnley",
        "Fieldwork Consortium et al. (2014)",
        "(page 12). The results",
    ) == [
        "the odds are given in Table 3 of",
        "Quarnley Fieldwork Consortium et al. (2014)",
        "(page 12). The results",
    ]


def test_a_bracketed_group_cut_inside_is_left_to_the_citation_readers() -> None:
    assert _joined("as was shown before (Quarnley", "et al., 2014)", "and later") == [
        "as was shown before (Quarnley",
        "et al., 2014)",
        "and later",
    ]


def test_a_bare_year_and_a_lone_line_stay_as_they_are() -> None:
    assert _joined("until Quarnley", "1934.", "x") == ["until Quarnley", "1934.", "x"]
    assert _joined("Quarnley", "(2014)", "x") == ["Quarnley", "(2014)", "x"]


def test_the_audit_finds_the_cited_group_in_the_list(tmp_path: Path) -> None:
    body = [
        "Introduction",
        "The odds ratios for the trait in cases and controls",
        "are given in Table 3 of Quarnley",
        "Fieldwork Consortium et al. (2014)",
        "(page 12). The results agree with Brisket (2010).",
        "",
        "References",
        "Brisket A. (2010). A made-up study of traits. J Made-up Stud 3: 1-9.",
        "Quarnley Fieldwork Consortium, Doe J, Roe K. (2014). Made-up odds",
        (14.0, "in a made-up population. Made-up Genet 7: 100-110."),
    ]
    path = write_pdf(tmp_path / "whole.pdf", [Page([Column(body)])])
    result = audit(AuditInput.from_paths([path]))
    codes = [(f.code, f.message[:80]) for f in result.findings if f.code in ("CIT001", "CIT002")]
    assert len(result.data.references) == 2
    assert codes == []
