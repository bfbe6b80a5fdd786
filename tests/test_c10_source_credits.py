"""Class FS: a figure's credit naming its source's author with no year, "(Fuente: ACMEWEB)".

Credits under figures and tables leave the year out: "(Source: Rook)", "(Fonte: Rook)".
No reader took the group, and the entry of that author was "never cited". The credit's
cue is read as "vgl." is: the names after it cite the one entry whose authors fit
(WEAK: a credit naming no entry is no missing work). Made-up papers in three languages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from tests.verdicts import uncited_and_missing

_TEXT = (
    "Kettles boil fast (Quill, 2019), lids rattle (Adler, 2018) and pots cool (Berg, 2017).\n\n"
    "Figure 1. A made-up kettle\n{credit}\n\n"
    "References\n\n"
    "Adler, A. (2018). Made-up pots. Journal of Pots, 1, 1-9.\n"
    "Berg, B. (2017). Made-up lids. Journal of Pots, 2, 1-9.\n"
    "Quill, A. (2019). Made-up one. Journal of Inventions, 3, 1-9.\n"
    "ACMEWEB. (2021). Made-up page. https://acmeweb.example/page\n"
)


def _verdict(tmp_path: Path, credit: str) -> tuple[set[str], set[str]]:
    path = tmp_path / "paper.txt"
    path.write_text(_TEXT.format(credit=credit), encoding="utf-8")
    return uncited_and_missing(audit(AuditInput.from_paths([path])), 7)


@pytest.mark.parametrize(
    "credit", ["(Fuente: ACMEWEB)", "(Source: ACMEWEB)", "(Fonte: ACMEWEB)", "(Quelle: ACMEWEB)"]
)
def test_credit_naming_an_author_cites_the_entry(tmp_path: Path, credit: str) -> None:
    assert _verdict(tmp_path, credit) == (set(), set())


@pytest.mark.parametrize(
    "credit",
    ["(Source: own elaboration)", "(Fuente: elaboración propia)", "(Source: Zetacorp)"],
)
def test_credit_naming_no_entry_reports_nothing_new(tmp_path: Path, credit: str) -> None:
    assert _verdict(tmp_path, credit) == ({"ACMEWEB"}, set())
