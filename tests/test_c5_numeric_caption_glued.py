"""A caption typed with no blank between its label and number after an image,
"Figura1: Sinal", "Tabela2: Custos", "Gráfico3: Fluxo" (class FG, issue 12): the
glued-number reader took the digit for a flattened superscript citing the list's entry
of that number, and an entry no sentence cites was "cited" so. A label word glued to its
number is a caption's label, never a work's citation. Made-up text and works.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from tests.manuscript.test_docx_reader import para, raw_docx, run
from tests.verdicts import uncited_and_missing


@pytest.mark.parametrize(
    "caption",
    ["Tabela1: Custos por depósito ", "Gráfico1: Fluxo de cargas ", "Figure1: Stock flow "],
)
def test_a_label_glued_to_its_number_after_an_image_is_no_citation(
    tmp_path: Path, caption: str
) -> None:
    body = (
        para(
            run("Os custos de estoque caem quando o depósito é enxuto."),
            "<w:r><w:drawing/></w:r>",
            run(caption),
        )
        + para(run("Referências", "<w:b/>"))
        + para(run("Poe, B. (2004). Lean depots. Examples, 2(1), 1-9"))
    )
    result = audit(AuditInput.from_paths([raw_docx(tmp_path / "tcc.docx", body)]))
    uncited, missing = uncited_and_missing(result, 4)
    assert [c.text for c in result.data.citations] == []
    assert uncited == {"Poe,"} and missing == set()
