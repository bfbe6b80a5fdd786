"""A bracketed year before the edition read, "(FREIRE, [1968] 2005)", and ABNT's
inferred year "(MOURA, [2010])" (issue 12, SciELO/ABNT reading): neither parenthesis
was read at all, so the entry was "never cited" although the text cites it."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import document, summary

_PAPER = """# Introdução

A escola é prática de liberdade (TAVORA, [1968] 2005, p. 31). Para Brandt ([1979] 2003,
p. 261), todo enunciado responde a outros. As atas ficam no arquivo (MOURA, [2010]).

# Referências

BRANDT, M. Estética da palavra alheia. São Paulo: Casa Azul, 2003.

TAVORA, P. Pedagogia da pergunta. Recife: Paz Nova, 2005.

MOURA, C. Atas da câmara de Vila Nova. Vila Nova: Arquivo Municipal, [2010].
"""


def test_a_first_edition_in_brackets_before_the_year_is_skipped() -> None:
    cits = extract_citations(
        document("Como diz Brandt ([1979] 2003, p. 4), e (TAVORA, [1968] 2005).")
    )
    assert summary(cits) == [(("Brandt",), 2003, None), (("TAVORA",), 2005, None)]


def test_an_inferred_year_in_brackets_is_that_year() -> None:
    cits = extract_citations(document("As atas (MOURA, [2010]) e as cartas (LIMA, [1998?])."))
    assert summary(cits) == [(("MOURA",), 2010, None), (("LIMA",), 1998, None)]


def test_a_bracketed_year_alone_is_no_author_year_work() -> None:
    cits = extract_citations(document("Como em [2010] e em (2011), sem nomes."))
    assert not [c for c in cits if c.year is not None]


def test_the_entries_are_cited(tmp_path: Path) -> None:
    path = tmp_path / "artigo.md"
    path.write_text(_PAPER, encoding="utf-8")
    assert audit(AuditInput(manuscripts=(path,))).findings == ()
