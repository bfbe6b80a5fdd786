"""Numbered citations that hold a word of another language than English (made-up text).

Manuscripts in Spanish, Portuguese, French, German, Italian, Indonesian, Slovenian or
Dutch write their "see", "e.g.", "cf." and "and" inside a numeric bracket or
parenthesis in their own language: "[véase 4]", "(ver 5 y 6)", "[vgl. 3]", "(13 e
14)", "[lihat 6]", "[glej 7]". Only the English words were read, so each such bracket
cited nothing and its works were reported uncited.
"""

from __future__ import annotations

import pytest

from tests.citations.helpers import cited, numbered


def _cited(body: str) -> list[list[int | None]]:
    # a plain citation or two beside the case, so the manuscript is clearly numbered
    return cited(numbered(f"Known [1]. Also [2]. {body}", entries=20))[2:]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Descrito antes [véase 4].", [[4]]),
        ("Descrito antes [ver 4, 5].", [[4, 5]]),
        ("Descrito antes [ver también 7].", [[7]]),
        ("Descrito antes [p. ej., 9].", [[9]]),
        ("Descrito antes [por ejemplo, 9].", [[9]]),
        ("Descrito antes [cfr. 6].", [[6]]),
        ("Descrito anteriormente [veja 8].", [[8]]),
        ("Descrito anteriormente [vide 8].", [[8]]),
        ("Descrito anteriormente [p. ex. 8].", [[8]]),
        ("Décrit plus tôt [voir 5].", [[5]]),
        ("Décrit plus tôt [voir aussi 5, 6].", [[5, 6]]),
        ("Décrit plus tôt [par ex. 10].", [[10]]),
        ("Früher beschrieben [vgl. 3].", [[3]]),
        ("Früher beschrieben [siehe 4].", [[4]]),
        ("Früher beschrieben [siehe auch 4].", [[4]]),
        ("Früher beschrieben [z. B. 11].", [[11]]),
        ("Früher beschrieben [z.B. 11].", [[11]]),
        ("Descritto prima [vedi 12].", [[12]]),
        ("Sudah dijelaskan [lihat 6].", [[6]]),
        ("Sudah dijelaskan [misalnya 6].", [[6]]),
        ("Že opisano [glej 7].", [[7]]),
        ("Že opisano [prim. 7].", [[7]]),
        ("Že opisano [npr. 7].", [[7]]),
        ("Eerder beschreven [zie 8].", [[8]]),
        ("Eerder beschreven [bijv. 8].", [[8]]),
    ],
)
def test_a_bracket_opening_on_a_citing_word_of_another_language_cites(
    body: str, expected: list[list[int]]
) -> None:
    assert _cited(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Descrito antes [4 y 5].", [[4, 5]]),
        ("Descrito antes [3, 4 y 5].", [[3, 4, 5]]),
        ("Descrito anteriormente [13 e 14].", [[13, 14]]),
        ("Décrit plus tôt [6 et 7].", [[6, 7]]),
        ("Früher beschrieben [4 und 5].", [[4, 5]]),
        ("Descritto prima [4 e 5].", [[4, 5]]),
        ("Sudah dijelaskan [4 dan 5].", [[4, 5]]),
        ("Eerder beschreven [4 en 5].", [[4, 5]]),
        ("Descrito antes [véase 4 y 5].", [[4, 5]]),
    ],
)
def test_a_bracket_joining_its_numbers_by_a_word_of_another_language_cites(
    body: str, expected: list[list[int]]
) -> None:
    assert _cited(body) == expected


def _cited_in_parentheses(body: str) -> list[list[int | None]]:
    # enough round brackets beside the case that round brackets are the style
    return cited(numbered(f"Known (1). Also (2). More (3, 15). Yet (16). {body}", entries=20))[4:]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Descrito antes (véase 4).", [[4]]),
        ("Descrito antes (ver 5 y 6).", [[5, 6]]),
        ("Descrito anteriormente (ver 8).", [[8]]),
        ("Descrito anteriormente (13 e 14).", [[13, 14]]),
        ("Descrito anteriormente (refs. 12 e 13).", [[12, 13]]),
        ("Décrit plus tôt (voir 5).", [[5]]),
        ("Früher beschrieben (vgl. 7).", [[7]]),
        ("Sudah dijelaskan (lihat 9).", [[9]]),
        ("Že opisano (glej 10).", [[10]]),
        ("Shown before (3, 4 and 5).", [[3, 4, 5]]),
        ("Shown before (see 6 and 7).", [[6, 7]]),
    ],
)
def test_a_parenthesis_with_a_citing_word_of_another_language_cites(
    body: str, expected: list[list[int]]
) -> None:
    assert _cited_in_parentheses(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Dosis [ver Tabla 4] y [véase Fig. 2] y [n = 12] y [paso 3].",
        "Die Dosis [siehe Tabelle 4] und [vgl. Abb. 2].",
        "Tamaño (ver Tabla 3) y edad (entre 4 y 6) años.",
        "Alter (zwischen 4 und 6 Jahren) und Gewicht (3 und 4 kg).",
        "One patient in four (1 in 4) and ages (4 and 6 years).",
    ],
)
def test_words_that_name_no_work_still_do_not_cite(body: str) -> None:
    read = _cited(body) if "[" in body else _cited_in_parentheses(body)
    assert read == []
