"""Portuguese and Spanish lists (ABNT and the styles SciELO journals print): entries
as those lists write them. All names and works here are made up.

Why: ABNT writes "SOBRENOME, Nome; OUTRO, Nome." with full given names, bodies in
capitals ("O JORNAL DE S. PAULO."), undated works as "s.d." / "s/d", and an access
note ("Acesso em: 3 maio 2019") on every web page. Each misreading makes a cited
entry look uncited: the second author lost ("(SOUZA; PEREIRA, 2017)" then fits no
entry), a body read as the person "PAULO, O JORNAL DE S.", the day the author read
a page taken for the year the page appeared.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference

from .helpers import families


def parse(text: str, model: bool) -> Reference:
    return parse_reference(
        text, id="ref-1", index=1, location=Location("refs.md", 1), use_model=model
    )


both = pytest.mark.parametrize("model", [False, True], ids=["rules", "with-tagger"])


@both
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # full given names, separated by ";" (the first family in capitals passed for
        # an acronym before a title)
        (
            "TAVARES, Marina; QUEIROGA, João Carlos. Redes de cuidado na atenção básica. "
            "Revista Alfa, v. 12, n. 3, p. 45-60, 2017.",
            ["TAVARES", "QUEIROGA"],
        ),
        # particles after the given name
        (
            "VALADARES, Bruno dos; SILVEIRA, Ana da. Outro título qualquer. Cadernos Delta, "
            "v. 4, p. 1-9, 2013.",
            ["VALADARES", "SILVEIRA"],
        ),
        # the last person's initials, then the title: the title is no part of the name
        (
            "BASSOLI, Gilberto; KRONEMBERG, R. Regressão ordinal. Revista Ômega, v. 46, "
            "n. 1, p. 33-50, 1998.",
            ["BASSOLI", "KRONEMBERG"],
        ),
        (
            "IANNUZZI, S; KARAM, G; PORTELA, G. Inferência causal sem balanço. Análise "
            "Política, 2011.",
            ["IANNUZZI", "KARAM", "PORTELA"],
        ),
    ],
)
def test_abnt_people_separated_by_semicolons(text: str, expected: list[str], model: bool) -> None:
    ref = parse(text, model)
    assert families(ref) == expected
    assert ref.title is not None and not any(n in ref.title for n in expected)


@both
@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "O JORNAL DE S. PAULO. Chuvas deixam cidade em alerta. São Paulo, 3 jan. 2015.",
            "O JORNAL DE S. PAULO",
        ),
        ("GAZETA DE S.PAULO. Mercado em queda. São Paulo, 4 fev. 2016.", "GAZETA DE S.PAULO"),
    ],
)
def test_body_in_capitals_with_an_abbreviated_word_stays_whole(
    text: str, body: str, model: bool
) -> None:
    ref = parse(text, model)
    assert [(a.family, a.organisation) for a in ref.authors] == [(body, True)]


@both
@pytest.mark.parametrize(
    "text",
    [
        "VERBETÁRIO on-line de português. Fotorreportagem. Disponível em: "
        "https://example.org/v/. Acesso em: 2 jun. 2022.",
        "PERFIL DO LEITOR. Página do jornal. Disponível em: https://example.org/p. "
        "Acessado em: 7 abr. 2022.",
        "Roldán, M. Historia del barrio. Recuperado el 5 de mayo de 2019, de https://example.org/b",
        "Roldán, M. Historia del barrio. Consultado el 2 de junio de 2020. https://example.org/b",
        "Roldán, M. Historia del barrio. Fecha de consulta: 12/03/2021. https://example.org/b",
    ],
)
def test_access_note_date_is_not_the_year(text: str, model: bool) -> None:
    ref = parse(text, model)
    assert ref.year is None


@both
def test_access_note_leaves_the_publication_year(model: bool) -> None:
    ref = parse(
        "LIMEIRA, Paulo. Cidades e rios. Revista Beta, v. 2, p. 3-9, 2016. Disponível em: "
        "http://example.org/a. Acesso em: 12 mar. 2019.",
        model,
    )
    assert ref.year == 2016


@both
def test_a_title_beginning_with_acceso_keeps_its_year(model: bool) -> None:
    ref = parse("Roldán, M. Acceso abierto y ciencia. Revista Gama, 2018, 3(2), 1-9.", model)
    assert ref.year == 2018


@both
@pytest.mark.parametrize(
    "text",
    [
        "CORDEIRO, R. Memórias da vila. Recife: Editora Gama, s.d.",
        "CORDEIRO, R. Memórias da vila. Recife: Editora Gama, [s.d.].",
        "CORDEIRO, R. Memórias da vila. Recife: Editora Gama, s/d.",
        "Roldán, M. (s.f.). Historia del barrio. Lima: Fondo Delta.",
        "Roldán, M. (sin fecha). Historia del barrio. Lima: Fondo Delta.",
    ],
)
def test_undated_entries(text: str, model: bool) -> None:
    ref = parse(text, model)
    assert ref.year is None
    assert ref.no_date
    assert families(ref)[0] in ("CORDEIRO", "Roldán")


@both
def test_year_in_brackets_inside_the_title_is_not_the_entrys(model: bool) -> None:
    ref = parse(
        "Rivaldo, R. Impacto de las revistas emergentes de la región en la Web (2017). "
        "Anales de Ciencia, v. 15, n. 1, p. 126-129, 2019.",
        model,
    )
    assert families(ref) == ["Rivaldo"]
    assert ref.year == 2019


@both
def test_people_with_parenthesised_year_still_read_as_authors(model: bool) -> None:
    ref = parse("Smitt, J. A., & Leal, K. (2019). Um estudo. Revista Épsilon, 3(2), 10-20.", model)
    assert families(ref) == ["Smitt", "Leal"]
    assert ref.year == 2019


@both
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a family of several words in capitals, then given names in ordinary case: one
        # person (capitals alone made it a body and the given names a second author)
        ("GARCÍA PEREDO, José María. Un análisis. Revista Zeta, v. 4, 2017.", ["GARCÍA PEREDO"]),
        ("VAN DER BORGH, Pieter. Título. Amsterdã: Delta, 2001.", ["VAN DER BORGH"]),
        (
            "LIMA BARRADAS, Afonso Henriques de. Um estudo. Revista Alfa, v. 1, 2010.",
            ["LIMA BARRADAS"],
        ),
        (
            "GARCÍA PEREDO, José María, LÓPEZ, Ana. Un análisis. Revista Zeta, v. 4, 2017.",
            ["GARCÍA PEREDO", "LÓPEZ"],
        ),
        # a body in capitals stays one
        (
            "UNIVERSIDADE FEDERAL DO NORTE. Normas para apresentação. Curitiba: UFN, 2007.",
            ["UNIVERSIDADE FEDERAL DO NORTE"],
        ),
    ],
)
def test_compound_family_in_capitals(text: str, expected: list[str], model: bool) -> None:
    assert families(parse(text, model)) == expected


@both
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # particles and "e" inside a Vancouver family ("López de la Fuente A")
        (
            "García Peredo JM, López de la Fuentes A. Un análisis. Rev Zeta. 2017;4:5-9.",
            ["García Peredo", "López de la Fuentes"],
        ),
        (
            "Pazin-Filhos A, Soares CS, Oliveira e Castelo PDT, Lima R. Tuberculose em "
            "profissionais. Rev Alfa. 2014;2:1-5.",
            ["Pazin-Filhos", "Soares", "Oliveira e Castelo", "Lima"],
        ),
        (
            "Costa e Silveira V, Rivera FJU. Projeto integrado. Rev Alfa. 2010;2:1-5.",
            ["Costa e Silveira", "Rivera"],
        ),
        # "e" / "y" before the last person: two people, not one compound family
        (
            "Silveira A, Souza B e Lima C. Estudo de caso. Rev Alfa. 2010;2:1-5.",
            ["Silveira", "Souza", "Lima"],
        ),
        ("Leal CD e Costa EF. Estudo de caso. Rev Alfa. 2010;2:1-5.", ["Leal", "Costa"]),
    ],
)
def test_vancouver_families_with_particles_and_conjunctions(
    text: str, expected: list[str], model: bool
) -> None:
    assert families(parse(text, model)) == expected


def test_first_name_whole_then_vancouver_names() -> None:
    ref = parse(
        "Xu Hanwen, Li YD, Yang HJ, Chen HQ (2011) Duas espécies novas. Nova 1: 2-3.", False
    )
    assert [(a.family, a.given) for a in ref.authors][1:] == [
        ("Li", "YD"),
        ("Yang", "HJ"),
        ("Chen", "HQ"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hyphenated initials ("J-P") and Portuguese Filho / Neto abbreviated after them
        (
            "Frahmer J-P, Klöckner T. Revisão do gênero. Trop Bryol. 2000;18:173-84.",
            [("Frahmer", "J-P"), ("Klöckner", "T")],
        ),
        (
            "Tedesco W Fo, Dezotti NR, Jovino EE. Influência dos sapatos. J Vasc. 2012;2:1-5.",
            [("Tedesco", "W"), ("Dezotti", "NR"), ("Jovino", "EE")],
        ),
        (
            "Sousa R No, Tarabai CH. Reflexões sobre a visita. Rev Psi. 2017;2:1-5.",
            [("Sousa", "R"), ("Tarabai", "CH")],
        ),
    ],
)
def test_vancouver_initials_and_generations(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(a.family, a.given) for a in parse(text, False).authors] == expected
