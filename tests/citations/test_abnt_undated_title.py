"""A work with no author cited undated by its title's first words and source (issue 12):
"(Perfil do leitor. Expresso. s/d)" for the entry "PERFIL DE LEITOR. Expresso. ...
Acesso em: ...". Made-up text modeled on the shape seen; short linking words may be
retyped ("do" for "de"), longer words must agree."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_LIST = """# Referências

GUIA DE VIAGEM. Jornal Exemplo. Disponível em: https://example.org/g. Acesso em: 7 abr. 2022.

SILVA, Ana. Um livro. São Paulo: Editora Exemplo, 2001.
"""


def _findings(tmp_path: Path, body: str) -> list[tuple[str, str]]:
    path = tmp_path / "artigo.md"
    path.write_text(f"# Texto\n\n{body}\n\n{_LIST}", encoding="utf-8")
    return [(f.code, f.message[:40]) for f in audit(AuditInput(manuscripts=(path,))).findings]


def test_title_words_and_no_date_cite_the_entry(tmp_path: Path) -> None:
    body = "Segundo o site (Guia do viagem. Jornal Exemplo. s/d), e (SILVA, 2001)."
    assert _findings(tmp_path, body) == []


def test_a_translation_after_the_no_date_marker(tmp_path: Path) -> None:
    body = "Its site (Guia de viagem. Jornal Exemplo. s.d. [Travel guide. No date]); (Silva, 2001)."
    assert _findings(tmp_path, body) == []


def test_other_title_words_cite_nothing(tmp_path: Path) -> None:
    body = "Segundo o site (Guia novo. Jornal Exemplo. s/d), e (SILVA, 2001)."
    assert any(code == "CIT001" and "GUIA DE VIAGEM" in m for code, m in _findings(tmp_path, body))
