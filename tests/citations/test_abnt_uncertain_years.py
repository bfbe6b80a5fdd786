"""ABNT's uncertain dates in a citation (issue 12, review of real Word manuscripts):
"(BOOTSTRAP, [201-])", "[20--]" and "[s.d.]" are no date, "[2019?]" a probable year.
Unread, the entries they cite were "never cited"."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import document


def test_uncertain_dates_are_read() -> None:
    text = "Layouts (BOOTSTRAP, [201-]) and (GIT, [20--]); (NODE, [2019?]); (PHP, [s.d.])."
    found = [(c.authors, c.year, c.no_date) for c in extract_citations(document(text))]
    assert found == [
        (("BOOTSTRAP",), None, True),
        (("GIT",), None, True),
        (("NODE",), 2019, False),
        (("PHP",), None, True),
    ]


def test_entries_cited_with_uncertain_dates_are_cited(tmp_path: Path) -> None:
    path = tmp_path / "tcc.md"
    path.write_text(
        "# Introdução\n\nO layout (BOOTSTRAP, [201-]) e o servidor (NODE, [2019?]).\n\n"
        "# Referências\n\n"
        "BOOTSTRAP. Documentação oficial. [201-]. Disponível em: https://example.org/b.\n\n"
        "NODE. Documentação. [2019?]. Disponível em: https://example.org/n.\n",
        encoding="utf-8",
    )
    assert [f.code for f in audit(AuditInput(manuscripts=(path,))).findings] == []
