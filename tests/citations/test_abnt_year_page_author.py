"""ABNT's "Autor ... “quotation” (1987, p. 19)": the year and page after a quotation cite
the author named before it (issue 12). Made-up text modeled on the shapes seen: a long
quotation between name and year, another listed name inside the quotation, and a
quotation set off as its own paragraph after "Para Coelho,"."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_QUOTE = "a escrita guarda muitos saberes, e cada um deles pede uma leitura paciente; " * 5

_SET_OFF = "> A literatura é uma linguagem específica. (2000, p. 27).\n\n"

_ENTRIES = """# Referências

DUARTE, Rita. Aulas de leitura. São Paulo: Editora Exemplo, 1987.

LEAL, Ana. Livros e povos. Dissertação. Recife: Universidade Exemplo, 2012.

MOURA, Nelia. Literatura para crianças. São Paulo: Editora Exemplo, 2000.

SOUZA, Paulo. Outro livro. Rio de Janeiro: Editora Exemplo, 2005.
"""


def _uncited(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "artigo.md"
    path.write_text(body + "\n" + _ENTRIES, encoding="utf-8")
    findings = audit(AuditInput(manuscripts=(path,))).findings
    return sorted(f.message.split(",")[0].split()[0] for f in findings if f.code == "CIT001")


def test_a_long_quotation_between_the_name_and_the_year(tmp_path: Path) -> None:
    body = f"# Texto\n\nDuarte lembra, ao afirmar que “{_QUOTE}” (1987, p. 19).\n\n"
    assert len(_QUOTE) > 300
    assert "DUARTE" not in _uncited(tmp_path, body)


def test_the_nearest_name_with_an_entry_of_that_year_is_the_author(tmp_path: Path) -> None:
    quote = "“o livro pertence a um povo, como o povo Moura.”"
    body = f"# Texto\n\nLeal acredita que {quote} (2012, p. 41).\n\n"
    assert _uncited(tmp_path, body) == ["DUARTE", "MOURA", "SOUZA"]


def test_a_quotation_set_off_after_a_lead_in_ending_in_a_comma(tmp_path: Path) -> None:
    body = "# Texto\n\nA literatura é viva. Para Moura,\n\n" + _SET_OFF
    assert "MOURA" not in _uncited(tmp_path, body)


def test_a_finished_sentence_before_the_break_is_not_a_lead_in(tmp_path: Path) -> None:
    body = "# Texto\n\nPara Moura, a literatura é viva.\n\n" + _SET_OFF
    assert "MOURA" in _uncited(tmp_path, body)
