"""A translation's gloss in brackets after a cited name, as SciELO's English versions
write it: "(Ministério da Saúde [Ministry of Health], 2019)", "(cf. Redação [Editors].
Jornal Norte, 2021)", "Secretaria de Cultura [Department of Culture] (2018)". The
list keeps the original name; the gloss read as part of the names cited nothing, and
the entry was "never cited" (issue 12, SciELO). Acronyms, years and "[s.d.]" in
brackets keep their own readings."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import document, summary

_PAPER = """# Introduction

Vaccination reached 90% of children (Ministério da Saúde [Ministry of Health], 2019). The
state's Secretaria de Cultura [Department of Culture] (2018) listed the festivals, and
the press reported them (cf. Redação [Editors]. Jornal Norte, 2021).

# References

MINISTÉRIO DA SAÚDE. Guia de vacinação. Brasília: MS, 2019.

REDAÇÃO. Festas do interior. Jornal Norte, 3 de maio de 2021.

SECRETARIA DE CULTURA. Calendário de festas. Belém: Secult, 2018.
"""


def test_a_gloss_inside_the_parenthesis_is_left_out() -> None:
    cits = extract_citations(document("It rose (Ministério da Saúde [Ministry of Health], 2019)."))
    assert summary(cits) == [(("Ministério da Saúde",), 2019, None)]


def test_a_gloss_before_a_narrative_year_is_left_out() -> None:
    cits = extract_citations(document("The Secretaria de Cultura [Department of Culture] (2018)."))
    assert [c.authors[-1].endswith("Secretaria de Cultura") for c in cits] == [True]


def test_acronyms_and_undated_marks_stay() -> None:
    cits = extract_citations(document("(Organização Mundial [OMS], 2019) and (SILVA, [s.d.])."))
    assert [c.authors for c in cits] == [("Organização Mundial [OMS]",), ("SILVA",)]
    assert cits[1].no_date


def test_the_entries_are_cited(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(_PAPER, encoding="utf-8")
    assert audit(AuditInput(manuscripts=(path,))).findings == ()


def test_one_title_case_word_before_the_year_is_read_as_an_acronym() -> None:
    """ "[Fiocruz]" may be the body's acronym in title case, not a gloss: kept."""
    text = "(Fundação Serra Azul [Fisaz], 2019) and Fundação Serra Azul [Fisaz] (2020)."
    assert [c.authors for c in extract_citations(document(text))] == [
        ("Fundação Serra Azul [Fisaz]",),
        ("Fundação Serra Azul [Fisaz]",),
    ]
