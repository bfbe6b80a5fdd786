"""Class: a superscript citation set right after a unit that never takes a power --
a mass, a volume, a time, a dose: "< 2.500 g^3^", "2,500g^3^", "5 mg^2^", "1,5 L^2^",
"40 min^3^", "18 h^2^", "50 kcal^3^". Only "640 mg^22^" (four and above after a
two-letter unit, ten and above after a one-letter one) was read, as "m^2^" and
"cm^3^" are an area and a volume; but no text squares grams, litres or hours, so
after a number and such a unit any superscript is the citation the Vancouver style
sets after whatever the sentence ends on. Its entry, cited only there, was "never
cited". Powers of length units ("5 m^2^", "1.500 km^2^", "10 cm^3^") and a letter
alone ("g^2^" with no number, a variable) stay exponents. Sentences are made up."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import numbered

_LEAD = "Estudos^1^ e revisões^4^ mostram^5^ o efeito^6^ da dose^7^."


def _numbers(sentence: str, pieces: list[str]) -> list[int | None]:
    body = f"{_LEAD} {sentence}"
    marks = ["1", "4", "5", "6", "7", *pieces]
    doc = numbered(body.replace("^", ""), entries=9, superscripts={1: marks})
    return [c.number for c in extract_citations(doc)]


@pytest.mark.parametrize(
    ("sentence", "cited"),
    [
        ("Recém-nascidos com peso < 2.500 g^3^ foram excluídos.", "3"),
        ("Infants weighing under 2,500g^3^ were excluded.", "3"),
        ("A dose de 5 mg^2^ foi bem tolerada.", "2"),
        ("Se administraron 1,5 L^2^ de suero.", "2"),
        ("Exercise for 40 min^3^ lowered pressure.", "3"),
        ("O jejum de 18 h^2^ precedeu a coleta.", "2"),
        ("Die Zufuhr von 50 kcal^3^ war gering.", "3"),
        ("Le volume de 40 mL^2^ suffit.", "2"),
    ],
)
def test_a_superscript_after_a_powerless_unit_cites(sentence: str, cited: str) -> None:
    assert _numbers(sentence, [cited]) == [1, 4, 5, 6, 7, int(cited)]


@pytest.mark.parametrize(
    ("sentence", "power"),
    [
        ("A área de 1.500 km^2^ foi mapeada.", "2"),
        ("Plots of 5 m^2^ were sampled.", "2"),
        ("Um volume de 10 cm^3^ foi usado.", "3"),
        ("The variance g^2^ was small.", "2"),
    ],
)
def test_a_power_stays_a_power(sentence: str, power: str) -> None:
    assert _numbers(sentence, [power]) == [1, 4, 5, 6, 7]
