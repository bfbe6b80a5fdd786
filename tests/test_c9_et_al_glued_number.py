"""Class: a flattened superscript glued to "et al.", "Haqqi et al.5 (2019) showed".

Text pasted from a PDF keeps a superscript citation as a digit glued to the word it
followed. After "et al." the word before the digit is "al", two letters, and a glued
number after so short a word was refused (it reads as a code: "pH7"), so the
narrative citation was lost and its entry called never cited -- with or without the
year the writer adds in parentheses. Made-up plain-text papers citing in flattened
superscripts; a glued number after another two-letter word stays no citation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.superscript_paper import uncited_numbers

_NAMES = ["Abel", "Brandt", "Cruz", "Dias", "Haqqi", "Faro", "Gomes", "Lima", "Moura", "Nunes"]


def _uncited(tmp_path: Path, sentence: str) -> set[int]:
    return uncited_numbers(
        tmp_path,
        "The burden is high.1 It grows.2,3 Many studies agree.4 "
        f"{sentence} Others agree.6,7 And more.8-10",
        _NAMES,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Haqqi et al.5 showed an effect in adults.",
        "Haqqi et al.5, in 2015, showed an effect in adults.",
        "Haqqi et al5 showed an effect in adults.",
    ],
)
def test_number_glued_to_et_al_cites(tmp_path: Path, sentence: str) -> None:
    assert _uncited(tmp_path, sentence) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Haqqi et al.5 (2015) showed an effect in adults.",
        "Haqqi et al5 (2015) showed an effect in adults.",
    ],
)
def test_number_glued_to_et_al_before_a_year_cites(tmp_path: Path, sentence: str) -> None:
    assert _uncited(tmp_path, sentence) == set()


def test_number_glued_to_another_short_word_stays_no_citation(tmp_path: Path) -> None:
    assert 5 in _uncited(tmp_path, "The pH5 solution was used in adults.")
