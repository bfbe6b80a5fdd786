"""Bodies named in a translation's text (issue 12): SciELO's English versions of
Portuguese and Spanish articles keep the list in the original language and write

* "The Ministry of Health [Ministério da Saúde] (2019)": the English name, then the
  list's own in brackets -- read as a gloss and left out, the English name fitted no
  entry and the ministry's entry was called uncited;
* "IBGE [Brazilian Institute of Geography and Statistics] (2020)": the acronym, then an
  English gloss longer than the first look back -- the citation was not read at all.

Made-up text."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_LIST = """# References

BRASIL. Ministério da Saúde. **Plano nacional**. Brasília: Editora Exemplo, 2019.

INSTITUTO BRASILEIRO DE GEOGRAFIA E ESTATÍSTICA (IBGE). **Censo**. Rio de Janeiro: IBGE, 2020.

SILVA, J. **Um livro**. São Paulo: Editora Exemplo, 2001.
"""


def _findings(tmp_path: Path, body: str) -> list[tuple[str, str]]:
    path = tmp_path / "article.md"
    path.write_text(f"# Text\n\n{body}\n\n{_LIST}", encoding="utf-8")
    return [(f.code, f.message[:50]) for f in audit(AuditInput(manuscripts=(path,))).findings]


def test_the_list_name_in_brackets_after_a_translated_one(tmp_path: Path) -> None:
    body = (
        "The Ministry of Health [Ministério da Saúde] (2019) set goals. According to IBGE "
        "[Brazilian Institute of Geography and Statistics] (2020), and Silva (2001), they hold."
    )
    assert _findings(tmp_path, body) == []


def test_a_translated_name_alone_fits_no_entry(tmp_path: Path) -> None:
    body = "The Ministry of Health (2019) set goals (IBGE, 2020; SILVA, 2001)."
    assert [code for code, _ in _findings(tmp_path, body)] == ["CIT001"]
