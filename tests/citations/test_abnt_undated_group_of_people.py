"""Several undated works by people in one ABNT parenthesis (issue 12): "(SILVA, s.d.;
SOUZA, s/d)". The undated-title reader took the person's entry head "SILVA, J" for a
title and the text up to the second "s/d" ("SILVA, s") for its words -- an initial
standing for a short linking word -- and claimed the whole parenthesis for the first
work: the others were never read and their entries called uncited. Made-up text."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_LIST = """# Referências

MOURA, P. Crônicas. Belém: Editora Exemplo, s/d.

SILVA, J. Ensaios. São Paulo: Editora Exemplo, [s.d.].

SOUZA, B. Memórias. Curitiba: Editora Exemplo, 2010.

GUIA DE VIAGEM. Jornal Exemplo. Disponível em: https://example.org/g. Acesso em: 7 abr. 2022.
"""


def _findings(tmp_path: Path, body: str) -> list[tuple[str, str]]:
    path = tmp_path / "artigo.md"
    path.write_text(f"# Texto\n\n{body}\n\n{_LIST}", encoding="utf-8")
    return [(f.code, f.message[:40]) for f in audit(AuditInput(manuscripts=(path,))).findings]


def test_every_undated_work_of_the_group_is_read(tmp_path: Path) -> None:
    body = (
        "Há relatos antigos (SILVA, s.d.; MOURA, s/d; SOUZA, 2010), e o guia o confirma "
        "(Guia de viagem. Jornal Exemplo. s/d)."
    )
    assert _findings(tmp_path, body) == []


def test_a_title_after_another_work_is_left_to_the_author_year_reader(tmp_path: Path) -> None:
    # the undated-title reader claims only a parenthesis that opens with the title
    body = "Há relatos (SOUZA, 2010; SILVA, s.d.; MOURA, s/d)."
    found = _findings(tmp_path, body)
    assert [code for code, _ in found] == ["CIT001"]  # only the guide is uncited
    assert "GUIA DE VIAGEM" in found[0][1]
