"""Class: a word the text numbers as an index, glued to its numbers -- "lag0 to lag15",
"(lag01 to lag015)", "Modelo0, Modelo1 e Modelo2", "cenario0 a cenario4", "day0 and
day14" -- was read as a word with a glued citation ("lag15" citing 15, "lag01" citing
1) in a paper whose citations are glued superscripts that lost their markup. An index
starts at zero or is written with a leading zero; a citation never is. So a word the
text also glues to 0 or to a zero-led number names an index, and none of its glued
numbers cites. Sentences are made up."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import numbered

_LEAD = (
    "Estudos1 e revisões2 mostram3 o efeito4 da dose5, do peso6, da idade7, do sexo8 e da renda9."
)


def _numbers(sentence: str) -> list[int | None]:
    doc = numbered(f"{_LEAD} {sentence}", entries=30)
    return [c.number for c in extract_citations(doc)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Single-day models (lag0 to lag15) were fitted to the series.",
        "Cumulative models (lag01 to lag015) were fitted to the series.",
        "Foram ajustados o Modelo0, o Modelo1 e o Modelo12 aos dados.",
        "Se simularon del escenario0 al escenario14 en total.",
        "Samples were drawn between day0 and day14 of the trial.",
    ],
)
def test_an_index_is_no_citation(sentence: str) -> None:
    assert _numbers(sentence) == list(range(1, 10))


def test_a_word_not_indexed_still_cites_glued() -> None:
    """The control: a glued number after a word the text never indexes cites."""
    assert _numbers("O risco cresce com a escolaridade10.") == list(range(1, 11))
