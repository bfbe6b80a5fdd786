"""ABNT's other uncertain dates (NBR 6023), as citations repeat them (made-up names):
a year about which, "(IGNÁCIO, [ca. 2012])", "[c. 2012]"; one year or the next,
"(LUSTOSA, [1971 ou 1972])". Unread, their entries were "never cited". (A probable
decade or century, "(MATOS, [197-?])", "[18--?]", needs /work/helpers/c6-probable-decades.diff
in author_year.py's cheap test first.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import document


@pytest.mark.parametrize(
    ("label", "year", "no_date"),
    [
        ("[ca. 2012]", 2012, False),
        ("[ca.2012]", 2012, False),
        ("[c. 2012]", 2012, False),
        ("[ca. 2012?]", 2012, False),
        ("[1971 ou 1972]", 1971, False),
        ("[1971 or 1972]", 1971, False),
    ],
)
def test_the_label_is_read(label: str, year: int | None, no_date: bool) -> None:
    found = [
        (c.authors, c.year, c.no_date)
        for c in extract_citations(document(f"O dado (IGNÁCIO, {label})."))
    ]
    assert found == [(("IGNÁCIO",), year, no_date)]


def test_entries_cited_so_are_cited(tmp_path: Path) -> None:
    path = tmp_path / "tcc.md"
    path.write_text(
        "# Introdução\n\nO mapa (IGNÁCIO, [ca. 2012]) e a carta (LUSTOSA, [1971 ou 1972]).\n\n"
        "# Referências\n\n"
        "IGNÁCIO, I. Mapa antigo. Recife: Editora, [ca. 2012].\n\n"
        "LUSTOSA, L. Carta. Recife: Editora, [1971 ou 1972].\n",
        encoding="utf-8",
    )
    assert [f.code for f in audit(AuditInput(manuscripts=(path,))).findings] == []
