"""Class CA: a body's long name cited in running text, touching its year.

"the Department of Kettles and Steam of the Republic of Ruritania (2021)": the list's
organisation reader took a body's name of eight words at most and left a name touching
its year to the author-year reader, whose narrative names are five words at most -- so
nobody read the citation and the entry was "never cited". Made-up papers in English
and Spanish; a long name with another year still cites nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from tests.verdicts import uncited_and_missing

_ENGLISH = (
    "Kettles are common (Quill, 2019). As the Department of Kettles and Steam of the"
    " Republic of Ruritania ({year}) reports, most homes own two.\n\n"
    "References\n\n"
    "Department of Kettles and Steam of the Republic of Ruritania. (2021) Kettle"
    " ownership rises. Available from: https://kettles.example/report.\n"
    "Quill, A. (2019) Made-up one. Journal of Inventions, 3, 1-9.\n"
)
_SPANISH = (
    "Las teteras abundan (Quill, 2019). Según el Ministerio de Teteras y Vapor de la"
    " República de Ruritania ({year}), cada hogar tiene dos.\n\n"
    "Referencias\n\n"
    "Ministerio de Teteras y Vapor de la República de Ruritania. (2021). Informe de"
    " teteras. https://teteras.example/informe\n"
    "Quill, A. (2019). Made-up one. Journal of Inventions, 3, 1-9.\n"
)


@pytest.mark.parametrize("text", [_ENGLISH, _SPANISH])
def test_long_body_name_touching_its_year_cites(tmp_path: Path, text: str) -> None:
    path = tmp_path / "essay.txt"
    path.write_text(text.format(year=2021), encoding="utf-8")
    assert uncited_and_missing(audit(AuditInput.from_paths([path])), 12) == (set(), set())


@pytest.mark.parametrize("text", [_ENGLISH, _SPANISH])
def test_long_body_name_with_another_year_cites_nothing(tmp_path: Path, text: str) -> None:
    path = tmp_path / "essay.txt"
    path.write_text(text.format(year=1999), encoding="utf-8")
    uncited, _ = uncited_and_missing(audit(AuditInput.from_paths([path])), 12)
    assert len(uncited) == 1
