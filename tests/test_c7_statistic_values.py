"""Class: a statistic's value written with a decimal comma after the statistic's
abbreviation, ending at a semicolon before its interval -- "(AAPC 7,4; IC95% 6,1–8,7)",
"(RR 2,3; IC95% 1,1–4,0)", "(HR 3,2; IC 95% ...)", "(IRR 4,1; 95% CI ...)", "(SMD 5,2;
...)" -- was read as a flattened superscript list ("7,4" citing 7 and 4: a semicolon
and a capital after the number look like a sentence's end), linking entries the text
never cites. After a statistic's name a number is its value. (The manuscript here
sets its superscripts in Word runs and lost a few, "descrevem 10.": flattened ones
are its style too, as in the SciELO article this was found in.) Sentences are made
up."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import numbered

_LEAD = (
    "Estudos^1^ e revisões^2^ mostram^3^ o efeito^4^ da dose^5^, do peso^6^, da idade^7^, "
    "do sexo^8^ e da renda^9^. Outros autores o descrevem 10. Revisões o confirmam 11. "
    "Ensaios o repetem 12."
)


def _numbers(sentence: str) -> list[int | None]:
    body = f"{_LEAD} {sentence}"
    marks = [str(n) for n in range(1, 10)]
    doc = numbered(body.replace("^", ""), entries=30, superscripts={1: marks})
    return [c.number for c in extract_citations(doc)]


@pytest.mark.parametrize(
    "sentence",
    [
        "A taxa subiu no período (2010–2019, AAPC 7,4; IC95% 6,1–8,7) em todo o país.",
        "A tendência caiu (APC 9,1; IC95% 7,5–10,8) depois de 2016.",
        "O risco foi maior entre idosos (RR 8,3; IC95% 1,1–9,0) no sul.",
        "La mortalidad aumentó (HR 7,2; IC 95% 1,5–9,1) en hombres.",
        "Incidence rose (IRR 6,1; 95% CI 2,0–8,3) in the north.",
        "The effect was large (SMD 8,2; CI 3,1–9,4) across trials.",
    ],
)
def test_a_statistics_value_is_no_citation(sentence: str) -> None:
    assert _numbers(sentence) == list(range(1, 13))
