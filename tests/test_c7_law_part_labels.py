"""Class: the number of a law's part -- "no artigo 6 do Código de Defesa do
Consumidor", "el artículo 6 de la Ley", "Article 6 of the Convention", "inciso 6",
"parágrafo 6", "alínea 6" -- read as a flattened superscript when it was the number
the Vancouver list's order expected next (SciELO's public-health articles cite laws
by their articles). After such a label word a number is the label's. Sentences are
made up."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import numbered

_LEAD = "Estudos^1^ e revisões^2^ mostram^3^ o efeito^4^ da dose^5^."


def _numbers(sentence: str) -> list[int | None]:
    body = f"{_LEAD} {sentence} Outros^7^."
    doc = numbered(
        body.replace("^", ""), entries=9, superscripts={1: ["1", "2", "3", "4", "5", "7"]}
    )
    return [c.number for c in extract_citations(doc)]


@pytest.mark.parametrize(
    "sentence",
    [
        "O dever está implícito no artigo 6 do Código de Defesa do Consumidor.",
        "Lo dispone el artículo 6 de la Ley General de Salud.",
        "This follows from Article 6 of the Convention on the Rights of the Child.",
        "Conforme o inciso 6 da mesma lei, o registro é obrigatório.",
        "Segundo o parágrafo 6 da portaria, a notificação é compulsória.",
        "A alínea 6 do regulamento trata do rótulo.",
    ],
)
def test_a_law_parts_number_is_no_citation(sentence: str) -> None:
    assert _numbers(sentence) == [1, 2, 3, 4, 5, 7]
