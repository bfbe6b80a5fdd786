"""s14: reading one reference-list entry's authors and year the way an editor does.

Made-up entries modelled on classes seen in SciELO-family lists (Vancouver and ABNT):
- a Vancouver author list that closes with a group's name ("..., Nogueira AF, Study
  Group on Lung Health.") was read in the other order ("KL, Moreira"), so the entry's
  first author was its initials;
- a Vancouver copyright year ("Rio de Janeiro: INPE; c2017 [cited ...]") was no year,
  so the entry was undated;
- Portuguese and Spanish bodies named by a word the organisation list lacked
  ("Secretaria", "Prefeitura", "Confederação", "Coordenadoria") were read as people
  ("Alegre, Secretaria Municipal de Saúde de Porto").
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location


def _read(text: str):  # type: ignore[no-untyped-def]
    return parse_reference(text, id="r", index=0, location=Location("m.md", 1))


@pytest.mark.parametrize(
    ("entry", "first"),
    [
        (
            "Moreira KL, Tavares PR, Quintal JB, Nogueira AF, Study Group on Lung Health. "
            "Outcomes of a small trial in adults. Rev Med Sul. 2014;12:33-40.",
            "Moreira",
        ),
        (
            "Barbosa T, Lins RM, Paiva Neto JC, ENSAIO Collaborative Network. Liver stiffness "
            "in a rural cohort. Arq Gastro. 2016;53(2):101-7.",
            "Barbosa",
        ),
        (
            "Teles MR, Duarte CF, Rocha SB, Coorte Vale Study. Gait speed in older adults. "
            "J Aging Sul. 2011;4:20-8.",
            "Teles",
        ),
    ],
)
def test_vancouver_names_then_a_group(entry: str, first: str) -> None:
    ref = _read(entry)
    assert ref.authors[0].family == first
    assert ref.authors[-1].organisation
    assert all(not a.organisation for a in ref.authors[:-1])


@pytest.mark.parametrize(
    ("entry", "year"),
    [
        (
            "Instituto Nacional de Pesquisas Espaciais. Cidades. Rio de Janeiro: INPE; c2017 "
            "[cited 2020 May 26]. Available from: https://example.org/",
            2017,
        ),
        (
            "Confederação Brasileira de Voleibol. História do voleibol. Brasília, DF: CBV, "
            "c2019 [cited 2020 Dec 3]. Available from: https://example.org/h",
            2019,
        ),
        (
            "Pesquisa Aberta. Homepage. C2022 [cited 2022 Mar 7]. Available from: https://example.org",
            2022,
        ),
    ],
)
def test_copyright_year_is_the_year(entry: str, year: int) -> None:
    assert _read(entry).year == year


@pytest.mark.parametrize(
    ("entry", "body"),
    [
        (
            "Secretaria Municipal de Saúde de Porto Alegre, Coordenadoria de Atenção Básica. "
            "Boletim anual. [cited 2021 Aug 10]. Available from: https://example.org/b",
            "Secretaria Municipal de Saúde de Porto Alegre",
        ),
        (
            "Confederação Brasileira de Voleibol. História do voleibol. Brasília, DF: CBV, "
            "c2019 [cited 2020 Dec 3]. Available from: https://example.org/h",
            "Confederação Brasileira de Voleibol",
        ),
        (
            "Prefeitura de Campo Grande. Boletins epidemiológicos. [cited 2021 August 10]. "
            "Available from: https://example.org/c",
            "Prefeitura de Campo Grande",
        ),
        (
            "Secretaría de Salud de Jalisco. Informe anual de vigilancia. Guadalajara: SSJ; 2018.",
            "Secretaría de Salud de Jalisco",
        ),
    ],
)
def test_iberian_bodies_are_organisations(entry: str, body: str) -> None:
    ref = _read(entry)
    assert ref.authors[0].organisation
    assert ref.authors[0].family == body


@pytest.mark.parametrize(
    ("entry", "families"),
    [
        # guards: people whose names share a body's word stay people
        (
            "Prado RR, Secretario JB, Lima AC. Um estudo. Rev X. 2019;3:1-9.",
            ["Prado", "Secretario", "Lima"],
        ),
        (
            "Moreira KL, Tavares PR. Outcomes of a small trial. Rev Med Sul. 2014;12:33-40.",
            ["Moreira", "Tavares"],
        ),
    ],
)
def test_people_stay_people(entry: str, families: list[str]) -> None:
    ref = _read(entry)
    assert [a.family for a in ref.authors] == families
    assert not any(a.organisation for a in ref.authors)


def test_copyright_year_does_not_beat_the_date() -> None:
    # guard: a Vancouver date stays the year; "c" glued inside a word is no mark
    ref = _read("Abc2010 Team. Silva J. A title. Rev Y. 2015;2:1-5.")
    assert ref.year == 2015


@pytest.mark.parametrize(
    "note",
    ["Cited: Aug. 6, 2019.", "Cited on: 6 Aug. 2019.", "Acesso em: 1 abr. 2019."],
)
def test_access_note_year_is_not_the_year(note: str) -> None:
    # SciELO's English ABNT closes an entry with "Cited: <date>": the access date,
    # never the work's (it made "Mendes and Lopes (2002)" a year mismatch)
    ref = _read(
        "Mendes, C.; Lopes, B. R. Notes on a method. Revista Qualquer de Estudos, v. 1, "
        f"p. 1-2, 2002. Available from: https://example.com/a/1. {note}"
    )
    assert ref.year == 2002


def test_cited_in_a_title_is_no_access_note() -> None:
    # guard: "cited" without its colon stays text
    ref = _read("Ramos, T. Works cited 2015 and after. Revista X, v. 2, p. 3-9, 2016.")
    assert ref.year == 2016


def test_one_word_title_after_initials_only_people() -> None:
    # every person written with initials alone: the one word after the last initials is
    # the title, not a given name ("Lopes, B. R. Editorial")
    ref = _read(
        "Mendes, C.; Lopes, B. R. Editorial. Revista Qualquer de Estudos, v. 1, p. 1-2, 2002."
    )
    assert [(a.family, a.given) for a in ref.authors] == [("Mendes", "C"), ("Lopes", "B. R")]
    assert ref.title == "Editorial"


def test_given_name_after_initials_with_full_names_beside() -> None:
    # guard: a list that writes given names in full keeps the last one's
    ref = _read("SOUZA, Ana C.; LIMA, Paulo R. Memórias. Recife: Editora, 2001.")
    assert [a.family for a in ref.authors] == ["SOUZA", "LIMA"]
