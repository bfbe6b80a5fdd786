"""A hard-wrapped entry whose imprint ("São Paulo: Alfa, 2015.", "New York: Beta
Books, 2001.") falls on a line of its own: that line is the rest of the entry before it,
not an entry. It opened like one ("a short head, then the year"), so the entry was cut
in two: its first half lost its year (a year mismatch on every citation of it) and the
imprint became an entry of its own, called uncited. Made-up names and works.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import split_entries_with_layout


def lines_of(text: str) -> list[Line]:
    return [Line("m.txt", n, t) for n, t in enumerate(text.split("\n"), start=1)]


@pytest.mark.parametrize(
    "imprint",
    [
        "São Paulo: Alfa, 2015.",
        "Rio de Janeiro: Editora Gama; 2015.",
        "New York: Beta Books, 2015.",
        "Brasília: MEC, 2015.",
        "Madrid: Síntesis, 2015. 230 p.",
    ],
)
def test_an_imprint_line_ends_the_undated_entry_before_it(imprint: str) -> None:
    text = (
        "QUEIROGA, A. Retratos da cidade: ensaio sobre a vida urbana e os seus rios.\n"
        f"{imprint}\n"
        "TAVARES, B. Redes urbanas e seus limites no século vinte e um. Revista Beta,\n"
        "v. 2, p. 1-9, 2018.\n"
        "LIMEIRA, C. Rios e mares. Revista Gama, v. 3, p. 10-19, 2017.\n"
        "SILVEIRA, D. Ensaios. Revista Delta, v. 4, p. 20-29, 2016.\n"
    )
    entries, _ = split_entries_with_layout(lines_of(text))
    assert [e.text[:8] for e in entries] == ["QUEIROGA", "TAVARES,", "LIMEIRA,", "SILVEIRA"]
    assert entries[0].text.endswith(imprint)


def test_one_entry_per_line_list_keeps_the_imprint_with_its_entry() -> None:
    text = (
        "QUEIROGA, A. Retratos da cidade: ensaio sobre a vida urbana.\n"
        "São Paulo: Alfa, 2015.\n"
        "TAVARES, B. Redes. Revista Beta, v. 2, p. 1-9, 2018.\n"
        "LIMEIRA, C. Rios e mares. Revista Gama, v. 3, p. 10-19, 2017.\n"
        "SILVEIRA, D. Ensaios. Revista Delta, v. 4, p. 20-29, 2016.\n"
    )
    entries, _ = split_entries_with_layout(lines_of(text))
    assert [e.text[:8] for e in entries] == ["QUEIROGA", "TAVARES,", "LIMEIRA,", "SILVEIRA"]


@pytest.mark.parametrize(
    "line",
    [
        # an entry that is dated already: the next line is an entry, whatever its shape
        "OECD. Paris: OECD, 2016.",
        # an organisation's entry that opens with its place
        "BRASIL. Ministério da Saúde. Brasília: MS, 2016.",
        "WHO: Geneva, 2016. World report.",
    ],
)
def test_entries_that_open_otherwise_still_start(line: str) -> None:
    text = (
        "QUEIROGA, A. Retratos da cidade. São Paulo: Alfa, 2015.\n"
        f"{line}\n"
        "TAVARES, B. Redes. Revista Beta, v. 2, p. 1-9, 2018.\n"
        "LIMEIRA, C. Rios e mares. Revista Gama, v. 3, p. 10-19, 2017.\n"
    )
    entries, _ = split_entries_with_layout(lines_of(text))
    assert len(entries) == 4


@pytest.mark.parametrize(
    "line",
    [
        # ABNT's title-first entry in capitals, its year after full stops
        "FLOREIO: Infâncias e rios. TV Alfa. YouTube. 2020. Disponível em: https://example.org",
        # a colon, then sentences: a title and its subtitle, not an imprint
        "Marés: Rios e mares. Revista Gama. 2020.",
        # a person's or a body's entry with a volume: a sentence break before it
        "Okafor B. Rivers of the plain, v. 2. London: Alfa, 2001.",
        "BRASIL. Ministério da Alfa. Relatório anual, v. 2, 2019.",
    ],
)
def test_other_entries_after_an_undated_entry_still_start(line: str) -> None:
    text = (
        "QUEIROGA, A. Retratos da cidade. Disponível em: https://example.org/retratos.\n"
        f"{line}\n"
        "TAVARES, B. Redes. Revista Beta, v. 2, p. 1-9, 2018.\n"
        "LIMEIRA, C. Rios e mares. Revista Gama, v. 3, p. 10-19, 2017.\n"
    )
    entries, _ = split_entries_with_layout(lines_of(text))
    assert len(entries) == 4


@pytest.mark.parametrize(
    "container",
    [
        "Revista Brasileira de Alfa, v. 2, n. 3, p. 1-9, 2015.",
        "Cadernos de Beta, Rio de Janeiro, v. 31, n. 2, p. 100-110, fev. 2015.",
        "Revista Gama, Lisboa, n. 12, p. 5-19, 2015.",
    ],
)
def test_an_abnt_container_line_ends_the_undated_entry_before_it(container: str) -> None:
    text = (
        "QUEIROGA, A. Retratos da cidade: ensaio sobre a vida urbana e os seus rios.\n"
        f"{container}\n"
        "TAVARES, B. Redes. Revista Beta, v. 2, p. 1-9, 2018.\n"
        "LIMEIRA, C. Rios e mares. Revista Gama, v. 3, p. 10-19, 2017.\n"
        "SILVEIRA, D. Ensaios. Revista Delta, v. 4, p. 20-29, 2016.\n"
    )
    entries, _ = split_entries_with_layout(lines_of(text))
    assert [e.text[:8] for e in entries] == ["QUEIROGA", "TAVARES,", "LIMEIRA,", "SILVEIRA"]
    assert entries[0].text.endswith(container)
