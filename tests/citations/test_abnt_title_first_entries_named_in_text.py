"""ABNT's title-first entry, "DICIONÁRIO ilustrado de botânica. ...", named by its
title in plain running text ("O Dicionário ilustrado de botânica define"): the entry
was "never cited" (issue 12, SciELO/ABNT reading). An organisation in capitals
("CONSELHO NACIONAL DE SAÚDE.") is no title, and a title is never reported missing."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.citations.titles import TITLE
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.location import Location

_PAPER = """# Introdução

O Dicionário ilustrado de botânica define folha como órgão laminar. A horta escolar
também ensina (SOARES, 2012).

# Referências

CONSELHO NACIONAL DE SAÚDE. Resolução n. 466. Brasília, 2012.

DICIONÁRIO ilustrado de botânica. Folha. Disponível em: https://example.org/folha.

SOARES, M. A cartilha da horta escolar. Recife: Casa Nova, 2012.
"""


def _document(body: str, *entries: str) -> Document:
    return Document(
        path="p.md",
        format="markdown",
        lines=(Line("p.md", 1, body),),
        reference_entries=tuple(
            RawEntry(raw, Location("p.md", n), raw) for n, raw in enumerate(entries, start=2)
        ),
    )


def test_a_title_first_entry_named_in_plain_text_is_read() -> None:
    doc = _document(
        "Como o Dicionário  ilustrado de Botânica define a folha.",
        "DICIONÁRIO ilustrado de botânica. Folha. Disponível em: https://example.org/f.",
    )
    (cit,) = extract_citations(doc)
    assert (cit.command, cit.authors) == (TITLE, ("Dicionário ilustrado de Botânica",))


def test_an_organisation_in_capitals_is_no_title() -> None:
    doc = _document(
        "O Conselho Nacional de Saúde aprovou a resolução.",
        "CONSELHO NACIONAL DE SAÚDE. Resolução n. 466. Brasília, 2012.",
    )
    assert extract_citations(doc) == ()


def test_an_organisation_led_by_its_acronym_is_no_title() -> None:
    doc = _document(
        "Data came from the NCX Lung Study Collaboration (NCX-LSC) and others.",
        "NCX Lung Study Collaboration (NCX-LSC). 2016. Trends in lung function. Lancet 3:1-9.",
    )
    assert extract_citations(doc) == ()


def test_the_entry_is_cited_and_nothing_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "artigo.md"
    path.write_text(_PAPER, encoding="utf-8")
    findings = audit(AuditInput(manuscripts=(path,))).findings
    # the council's resolution is really never cited
    assert [(f.code, "CONSELHO" in f.message) for f in findings] == [("CIT001", True)]
