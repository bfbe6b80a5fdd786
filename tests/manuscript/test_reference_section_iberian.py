"""Reference lists of Portuguese and Spanish manuscripts: their headings, the back
matter SciELO journals print after them, and prose that only looks like an entry.
All names and works here are made up.

Why: a list under "Literatura citada" was not found at all (every citation missing);
notes, "Como citar" and "Correspondência" after the list were read as entries (each
an "uncited" entry); a wrapped entry was cut where a title line opened with "Em 2019,".
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.list_tail import ends_list
from citeaudit.manuscript.reference_section import (
    find_reference_section,
    is_reference_title,
    looks_like_entry_start,
    split_entries_with_layout,
)


def lines_of(text: str) -> list[Line]:
    return [Line("m.md", n, t) for n, t in enumerate(text.split("\n"), start=1)]


ENTRIES = (
    "QUEIROGA, Ana. Rios e cidades. São Paulo: Alfa, 2015.\n\n"
    "TAVARES, Bruno; LIMEIRA, Carla. Redes. Revista Beta, v. 2, p. 1-9, 2018.\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "Literatura citada",
        "LITERATURA CITADA",
        "Literatura consultada",
        "Bibliografía citada",
        "Fuentes consultadas",
        "Referências bibliográficas:",
        "Referencias Bibliográficas",
        "Obras citadas",
    ],
)
def test_iberian_list_headings(title: str) -> None:
    assert is_reference_title(title)
    section = find_reference_section(lines_of(f"# Texto\n\nCorpo.\n\n## {title}\n\n{ENTRIES}"))
    assert section is not None
    assert len(section.entries) == 2


@pytest.mark.parametrize(
    "heading", ["Notas", "Agradecimentos", "Sobre os autores", "Contribuciones de los autores"]
)
def test_a_heading_after_the_list_ends_it(heading: str) -> None:
    # in bold, weaker than the list's own heading: it ends the list by its name alone
    text = f"## Referências\n\n{ENTRIES}\n**{heading}**\n\n1 Texto de uma nota qualquer, 2019.\n"
    section = find_reference_section(lines_of(text))
    assert section is not None
    assert [e.text[:8] for e in section.entries] == ["QUEIROGA", "TAVARES,"]


@pytest.mark.parametrize(
    "line",
    [
        "Como citar: QUEIROGA, A. Rios e cidades. Revista Beta, 2019.",
        "Cómo citar este artículo: Queiroga A. Ríos. Rev Beta. 2019.",
        "Correspondência: Rua das Flores, 10, Recife, 2019.",
        "Endereço para correspondência: Rua das Flores, 10.",
        "Recebido em: 3 mar. 2019.",
        "Editor responsável: Fulano de Tal.",
        "Contribuição dos autores: todos escreveram o texto.",
        "Fonte: elaborado pelos autores, 2019.",
        "Nota: valores de 2019 corrigidos.",
    ],
)
def test_back_matter_after_the_list_ends_it(line: str) -> None:
    assert ends_list(line)
    section = find_reference_section(lines_of(f"## Referências\n\n{ENTRIES}\n{line}\n"))
    assert section is not None
    assert len(section.entries) == 2


@pytest.mark.parametrize(
    "line",
    [
        "FONTE VIVA. Relatório anual. Recife, 2019.",
        "NOTAS DO BRASIL. Título. São Paulo, 2018.",
        "QUEIROGA, Ana. Rios e cidades. São Paulo: Alfa, 2015.",
    ],
)
def test_entries_that_open_like_labels_do_not_end_the_list(line: str) -> None:
    assert not ends_list(line)


@pytest.mark.parametrize(
    "text",
    [
        "Em 2019, os resultados foram publicados pela equipe.",
        "Nesse sentido, Miranda (2020) argumenta que há variações.",
        "Por otra parte, García (2015) sostiene que la teoría es correcta.",
        "According to Lee (2019) the effect is small.",
        "Como citar: QUEIROGA, A. Título. Revista, 2019.",
    ],
)
def test_prose_is_no_entry_start(text: str) -> None:
    assert not looks_like_entry_start(text)


@pytest.mark.parametrize(
    "text",
    [
        "COMO FAZER. Manual de redação. São Paulo, 2010.",
        "Del Popolo F, Cunha EP. Povos da região. Santiago: Delta; 2011.",
        "Hay SI, Lima P. Estudo. Rev Alfa. 2010;2:1-5.",
        "Para, A. (2015). Um estudo. Revista Épsilon, 3(2).",
        "Segundo, J. (2016). Outro estudo. Revista Épsilon, 4(1).",
        "En, K. (2014). A study. Journal Zeta, 2.",
    ],
)
def test_entries_starting_with_such_words_still_start(text: str) -> None:
    assert looks_like_entry_start(text)


def test_wrapped_entry_is_not_cut_at_a_title_line_that_opens_with_a_year() -> None:
    text = (
        "QUEIROGA, A. Retratos da cidade: ensaio sobre a vida urbana.\n"
        "Em 2019, publicado pela Editora Alfa. São Paulo: Alfa, 2019.\n"
        "TAVARES, B. Redes urbanas e seus limites no século vinte e um:\n"
        "um ensaio. Revista Beta, v. 2, p. 1-9, 2018.\n"
        "LIMEIRA, C. Rios e mares. Revista Gama, v. 3, p. 10-19, 2017.\n"
        "SILVEIRA, D. Ensaios. Revista Delta, v. 4, p. 20-29, 2016.\n"
    )
    entries, _ = split_entries_with_layout(lines_of(text))
    assert [e.text[:8] for e in entries] == ["QUEIROGA", "TAVARES,", "LIMEIRA,", "SILVEIRA"]
