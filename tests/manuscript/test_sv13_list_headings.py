"""Reference-list headings numbered with a dash or a decimal (sv13, class NH).

Made up, modelled on a Brazilian project report (benches/REAL_MANUSCRIPTS_13.md): its
last section is "5.0 - Referências Bibliográficas" over two works. Read as "5." the
heading was "0 - referencias bibliograficas", no list title, and the report gave
"nothing was checked".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.reference_section import is_reference_title
from tests.manuscript.test_docx_reader import para, raw_docx, run


@pytest.mark.parametrize(
    "title",
    [
        "5.0 - Referências Bibliográficas",
        "5 - Referências Bibliográficas",
        "5.0 Referências Bibliográficas",
        "7.1 – References",
        "3 — Bibliografía",
    ],
)
def test_nh_numbered_heading_with_dash_or_decimal_names_the_list(title: str) -> None:
    assert is_reference_title(title)


@pytest.mark.parametrize(
    "title", ["5. Referências", "1.2. References", "IV. Bibliografía", "a) References"]
)
def test_nh_guard_numbering_read_before_still_read(title: str) -> None:
    assert is_reference_title(title)


@pytest.mark.parametrize("title", ["5.0 - Resultados", "5 - Results", "2.0 Methods"])
def test_nh_guard_other_numbered_headings_are_no_list(title: str) -> None:
    assert not is_reference_title(title)


def test_nh_report_list_under_dashed_number_is_read(tmp_path: Path) -> None:
    body = "".join(
        [
            para(run("4.0 - Metodologia")),
            para(run("As malhas seguem o livro de Pereira e Lima (2010).")),
            para(run("5.0 - Referências Bibliográficas")),
            para(run("Pereira, A., Lima, B.: Malhas de Chaleiras, 3rd edn")),
            para(run("Souza M, Rocha L and Dias P. 2010. Malhas e Vapor. Editora Exemplo")),
        ]
    )
    path = raw_docx(tmp_path / "relatorio.docx", body)
    result = audit(AuditInput.from_paths([path]))
    assert len(result.data.references) == 2
