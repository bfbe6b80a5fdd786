"""A work read through another, as each language writes it (made-up names).

"(Vela, 1934, cit. por Orozco, 1993)", "(Lind 1922, zit. nach Brandt 2005)", "(Sutarno,
1973 dalam Wibowo, 1990)", "(Mlakar, 2005, v Kovač, 2010)", "(Arce, 1867, como se citó
en Duarte, 2010)", "(Piquet, 1970, en Rovira, 1991)": the list holds the second work,
often not the first, so the first is no missing reference (only "apud", "citado por",
"cité par", "dikutip dalam" and "zit. n." were known). The second work stays a
citation of its own.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document

_CUES = [
    "cit. por",  # Spanish, Portuguese
    "cit. en",
    "como se citó en",  # Spanish APA 7
    "como se cita en",
    "como citado em",  # Portuguese APA
    "como citado por",
    "conforme citado por",
    "tel que cité dans",  # French APA
    "cité dans",
    "cité par",
    "zit. nach",  # German
    "zitiert nach",
    "citato in",  # Italian
    "citato da",
    "dikutip oleh",  # Indonesian
    "dikutip dari",
    "navedeno v",  # Slovenian
    "apud",
]
# "in" alone: the work read in is a citation as weak as any after "in" ("(in Mexico,
# 2019)" is a place), but the work read through it is read through
_IN = ["en", "em", "in", "dalam", "v", "dans"]


def _read(text: str) -> list[tuple[tuple[str, ...], int | None, Certainty]]:
    return [(c.authors, c.year, c.certainty) for c in extract_citations(document(text))]


@pytest.mark.parametrize("cue", _CUES)
def test_in_parentheses_the_first_work_is_read_through_the_second(cue: str) -> None:
    read = _read(f"Como se sabe (Vela, 1934, {cue} Orozco, 1993), es así.")
    assert read == [(("Vela",), 1934, Certainty.WEAK), (("Orozco",), 1993, Certainty.SURE)]


@pytest.mark.parametrize("cue", _IN)
def test_in_parentheses_after_the_word_in(cue: str) -> None:
    read = _read(f"Como se sabe (Vela, 1934, {cue} Orozco, 1993), es así.")
    assert [r[:2] for r in read] == [(("Vela",), 1934), (("Orozco",), 1993)]
    assert read[0][2] is Certainty.WEAK


@pytest.mark.parametrize("cue", ["cit. por", "como se citó en", "zit. nach"])
def test_after_a_page_and_without_a_comma(cue: str) -> None:
    read = _read(f"Como se sabe (Vela 1934, p. 12 {cue} Orozco 1993), es así.")
    assert read == [(("Vela",), 1934, Certainty.WEAK), (("Orozco",), 1993, Certainty.SURE)]


@pytest.mark.parametrize("cue", ["cit. por", "zit. nach", "como se citó en"])
def test_in_running_text(cue: str) -> None:
    read = _read(f"Lo mostró Vela (1934, {cue} Orozco, 1993) antes.")
    assert read == [(("Vela",), 1934, Certainty.WEAK), (("Orozco",), 1993, Certainty.SURE)]


def test_words_that_are_no_cue_leave_the_work_sure() -> None:
    read = _read("Como se sabe (Vela, 1934, en prensa; Orozco, 1993), es así.")
    assert read[0][2] is Certainty.SURE
    read = _read("Como se sabe (Vela, 1934; Orozco, 1993), es así.")
    assert [r[2] for r in read] == [Certainty.SURE, Certainty.SURE]
