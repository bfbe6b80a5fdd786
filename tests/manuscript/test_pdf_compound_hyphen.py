"""A compound set with hyphens and broken at one of them keeps that hyphen.

"debt-" at a line's end and "to-asset" opening the next are "debt-to-asset": the
piece after the break goes on with a hyphen of its own, so the word is a compound
broken at one of its hyphens. Read as a hyphenated word it gave "debtto-asset" (a
published SciELO PDF; "scikit-" / "learn-mooc" and "NEON-" / "forecast-challenge" in
Open Journals entries). A plain hyphenated word is still joined, and so is a
compound's last word hyphenated by the typesetter ("histórico-epistemo-" / "lógico").
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from citeaudit.manuscript.pdf import PdfReader

_LINES = (
    "Because many of these firms could not meet the ceilings on the ratio of debt-",
    "to-asset and of cash, banks sold assets. The method is scikit-",
    "learn-based and the study is histórico-epistemo-",
    "lógico and the result is inter-",
    "national in scope, as the figures of the last section show for every firm.",
)


def test_a_compound_broken_at_its_own_hyphen_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "paper.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    for k, text in enumerate(_LINES):
        page.drawString(72, 760 - 14 * k, text)
    page.save()
    text = " ".join(line.text for line in PdfReader().read(path).lines)
    assert "debt-to-asset and" in text
    assert "scikit-learn-based and" in text
    assert "histórico-epistemológico and" in text
    assert "international in scope" in text  # a word's hyphen still goes


def test_a_hyphen_further_on_is_no_compound(tmp_path: Path) -> None:
    """Only the pieces beside the break count: "Datacarpen-" / "try/genomics-workshop"
    is one word hyphenated by the typesetter, the later hyphen is the name's own."""
    path = tmp_path / "paper.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.drawString(72, 760, "The lesson is published as Datacarpen-")
    page.drawString(72, 746, "try/genomics-workshop on the site of the project, with its data.")
    page.save()
    text = " ".join(line.text for line in PdfReader().read(path).lines)
    assert "Datacarpentry/genomics-workshop on" in text
