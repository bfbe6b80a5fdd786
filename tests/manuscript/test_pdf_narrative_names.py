"""A narrative citation whose names a line end cuts after the word joining the last
two ("Howard &" / "Gugger (2020)", "Arboit, Bufrem e" / "Gonzáles (2011)"): the PDF
reader finishes it on its first line, so it is read with all its names. Each PDF is
printed here."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

HANG = 18.0

BODY = [
    "There are many free course materials on the subject, see for example Howard &",
    "Gugger (2020); Mishra (2021); and the material of the Carpentries.",
    "",
    "A produção científica foi estudada antes, conforme Arboit, Bufrem e",
    "Gonzáles (2011, p. 77), que a leem como reflexo de institucionalização.",
    "",
]
REFERENCES = [
    "References",
    "Arboit, A. E., Bufrem, L. S., & Gonzáles, J. A. M. (2011). A produção brasileira",
    (HANG, "em Ciência da Informação. Perspectivas em Ciência da Informação, 16(2), 77-91."),
    "Howard, J., & Gugger, S. (2020). Deep learning for coders with fastai and pytorch.",
    (HANG, "O'Reilly Media."),
    "Mishra, S. (2021). Free Deep Learning Tutorial: Basics of Deep Learning. Udemy.",
]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    page = Page([Column([*BODY, *REFERENCES])], title="Open Lessons on Deep Learning")
    return write_pdf(tmp_path / "lessons.pdf", [page])


def test_names_cut_after_an_ampersand_or_e_are_read_whole(article: Path) -> None:
    result = audit(AuditInput.from_paths([article]))
    texts = [c.text.replace("\n", " ") for c in result.data.citations]
    assert "Howard & Gugger (2020)" in texts
    assert any(t.startswith("Arboit, Bufrem e Gonzáles (2011") for t in texts)
    codes = sorted(f.code for f in result.findings if f.code.startswith("CIT"))
    assert codes == []  # no "spells the author 'Gugger'", nothing uncited
