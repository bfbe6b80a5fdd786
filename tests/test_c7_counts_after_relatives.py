"""Class: a count after a relative pronoun or a "totalling" word, in the languages
SciELO and European journals write -- "dos quais 20 eram", "das quais 5 morreram", "de
los cuales 20 fueron", "dont 20 étaient", "von denen 20 waren", "totalizando 22
equipes", "totalling 22 teams" -- read as a flattened superscript when the number
happened to be the next one the Vancouver list's order expected (its entry then
looked cited, or a number past the list looked missing). English "of which 20" was
refused already. Sentences are made up."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import numbered

_LEAD = "Estudos^1^ e revisões^2^ mostram^3^ o efeito^4^ da dose^5^."


def _numbers(sentence: str) -> list[int | None]:
    body = f"{_LEAD} {sentence} Outros^7^."
    pieces = ["1", "2", "3", "4", "5", "7"]
    doc = numbered(body.replace("^", ""), entries=9, superscripts={1: pieces})
    return [c.number for c in extract_citations(doc)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Foram 33 casos, dos quais 6 eram importados.",
        "Houve 40 óbitos, das quais 6 ocorreram em casa.",
        "Hubo 33 casos, de los cuales 6 fueron importados.",
        "Il y avait 33 cas, dont 6 étaient importés.",
        "Es gab 33 Fälle, von denen 6 importiert waren.",
        "Sortearam-se as equipes, totalizando 6 equipes sorteadas.",
        "Teams were drawn, totalling 6 teams per district.",
        "Se sortearon los equipos, totalizando 6 equipos.",
    ],
)
def test_the_count_is_no_citation(sentence: str) -> None:
    assert _numbers(sentence) == [1, 2, 3, 4, 5, 7]


def test_a_flattened_superscript_after_a_word_is_still_read() -> None:
    """The control: the same place after a content word is a flattened citation."""
    assert _numbers("O risco cresce com a idade 6 e com o peso.") == [1, 2, 3, 4, 5, 6, 7]
