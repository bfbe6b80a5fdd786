# ruff: noqa: E501 -- test data is clearer on one line
"""ABNT entries with no author open with their title's first word(s) in capitals, or
with a body or a jurisdiction ("O ESTADO. …", "BRASIL. Ministério …", "A CIDADE de
papel. …"); the text cites them by those words ("(A CIDADE..., 2015)", "(BRASIL,
2018)"). Each such citation must find its entry, and no such entry may be called
uncited: one false pair per entry was the class issue 12 names. Made-up entries,
modelled on real shapes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

ENTRIES = [
    (
        "A CIDADE de papel. Direção: Ana Lopes. Lisboa: Filmes do Cais, 2015. 1 vídeo (90 min).",
        "(A CIDADE..., 2015)",
    ),
    (
        "ASSOCIAÇÃO BRASILEIRA DE PORTOS E ÁGUAS. Norma de marés. Rio de Janeiro: ABPA, 2017.",
        "(ASSOCIAÇÃO BRASILEIRA DE PORTOS E ÁGUAS, 2017)",
    ),
    (
        "BRASIL. Lei nº 9.999, de 1 de janeiro de 2010. Dispõe sobre portos. Diário Oficial da União, Brasília, 2010.",
        "(BRASIL, 2010)",
    ),
    (
        "BRASIL. Ministério da Saúde. Política nacional de portos saudáveis. Brasília: MS, 2018.",
        "(BRASIL, 2018)",
    ),
    ("FOLHA DE S.PAULO. Porto fecha. São Paulo, 2 fev. 2020.", "(FOLHA DE S.PAULO, 2020)"),
    ("GUIA dos portos brasileiros. São Paulo: Abril, 2014.", "(GUIA..., 2014)"),
    ("INSTITUTO ALFA. Relatório anual de marés. Recife: IA, 2023.", "(INSTITUTO ALFA, 2023)"),
    ("MANUAL DE MARÉS. 2. ed. Recife: Editora Costa, 2011.", "(MANUAL DE MARÉS, 2011)"),
    ("MARÉS do norte: um atlas. Recife: Editora Costa, 2012.", "(MARÉS, 2012)"),
    ("O ESTADO. Porto novo abre em março. São Paulo, 12 mar. 2019.", "(O ESTADO, 2019)"),
    (
        "O ESTADO DE S. PAULO. Porto velho fecha. São Paulo, 3 abr. 2016.",
        "(O ESTADO DE S. PAULO, 2016)",
    ),
    (
        "UNIVERSIDADE FEDERAL DO LITORAL. Pró-Reitoria de Extensão. Relatório. Natal, 2016.",
        "(UNIVERSIDADE FEDERAL DO LITORAL, 2016)",
    ),
]


def _codes(tmp_path: Path, entries: list[tuple[str, str]]) -> list[str]:
    body = " ".join(f"O porto foi estudado {cited}." for _, cited in entries)
    listed = "\n\n".join(entry for entry, _ in entries)
    path = tmp_path / "artigo.md"
    path.write_text(f"# Portos\n\n{body}\n\n## Referências\n\n{listed}\n", encoding="utf-8")
    result = audit(AuditInput(manuscripts=(path,)))
    assert len(result.data.references) == len(entries)
    return [f"{f.code} {f.message}" for f in result.findings if f.code in ("CIT001", "CIT002")]


def test_every_title_first_or_body_first_entry_is_cited(tmp_path: Path) -> None:
    assert _codes(tmp_path, ENTRIES) == []


@pytest.mark.parametrize(("entry", "cited"), ENTRIES)
def test_each_alone_beside_an_ordinary_entry(tmp_path: Path, entry: str, cited: str) -> None:
    ordinary = (
        "SILVA, João Carlos. Portos do Brasil. Recife: Editora Costa, 2009.",
        "(SILVA, 2009)",
    )
    assert _codes(tmp_path, [(entry, cited), ordinary]) == []


def test_an_uncited_title_first_entry_is_still_reported(tmp_path: Path) -> None:
    """The matching is not so loose that everything passes: an entry nobody cites is
    named, by its opening words."""
    entries = ENTRIES[:3]
    body = " ".join(f"O porto foi estudado {cited}." for _, cited in entries[1:])
    listed = "\n\n".join(entry for entry, _ in entries)
    path = tmp_path / "artigo.md"
    path.write_text(f"# Portos\n\n{body}\n\n## Referências\n\n{listed}\n", encoding="utf-8")
    uncited = [
        f.message for f in audit(AuditInput(manuscripts=(path,))).findings if f.code == "CIT001"
    ]
    assert len(uncited) == 1 and "CIDADE" in uncited[0]
