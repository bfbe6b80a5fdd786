"""Class EQ: an equation's number read as a numeric citation.

A manuscript that numbers its equations writes "(n)" after the formula ("y = K/P (4)",
"... ∑M](4)式中") and names it in prose: "式(4)", "公式(4)(5)", "Eq. (4)", "уравнение
(5)", "l'équation (4)", "equazione (5)", "vergelijking (4)". None of those is a citation,
yet a paper citing in round brackets read them as ones: entries hidden from "never cited"
and numbers past the list's end reported missing. Every instance here is made up; a
genuine "(n)" citation in prose stays read (the controls).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.verdicts import markdown_verdict

_ENTRIES = "\n".join(
    f"{k}. Author{k} A. A study of things number {k}. J Ex. {2000 + k};{k}:1-9."
    for k in range(1, 7)
)


def _doc(prose: str, heading: str = "References") -> str:
    return (
        "# Methods\n\nEarlier work set the model up (1). It was extended (2, 3).\n\n"
        f"{prose}\n\n# {heading}\n\n{_ENTRIES}\n"
    )


@pytest.mark.parametrize(
    "prose",
    [
        # a formula closing on a bracket, its number glued, a Chinese "where" after it
        "Iab=Mab*K/[(Pa/Pt)∑Mab](4)式中:Iab为指数。由式(4)可得公式(5)(6)。",
        # Japanese and Korean names of an equation
        "この関係は式 (4) で表され、数式(5)と式(6)から導かれる。",
        "이 관계는 식 (4)로 표현되며 수식(5)와 식(6)에서 유도된다.",
        # a formula with blanks, then a clause explaining its terms
        "The index is I = K/Pi (4), where K is a constant; likewise J = a + b (5) and "
        "H = m c (6) hold.",
        "El índice es I = K/Pi (4), donde K es una constante, y J = a x + b (5) y "
        "H = m c (6) se cumplen.",
        # equations named by words in other languages
        "Из уравнения (4) и формулы (5) следует уравнение (6).",
        "On déduit des équations (4) et (5) l'équation (6) voulue.",
        "Dalle equazioni (4) e (5) segue l'equazione (6) cercata.",
    ],
)
def test_equation_numbers_are_no_citations(tmp_path: Path, prose: str) -> None:
    uncited, missing = markdown_verdict(tmp_path, _doc(prose), 8)
    assert missing == set()
    assert uncited == {"4. Autho", "5. Autho", "6. Autho"}


def test_a_citation_after_prose_with_a_value_is_still_read(tmp_path: Path) -> None:
    """Control: "(4)" after words, even in a sentence that states a value earlier."""
    prose = (
        "The rate was r = 0.5 in every cohort reported before (4). Mortality was higher "
        "(OR = 2.1) (5), as it was with HR = 1.5, 95% CI 1.1-2.0 (6). 人口迁移的研究表明(2)。"
    )
    uncited, missing = markdown_verdict(tmp_path, _doc(prose), 8)
    assert missing == set()
    assert uncited == set()


def test_a_cjk_word_ending_like_an_equations_name_still_cites(tmp_path: Path) -> None:
    """Control: "式" also ends "模式" (a model), "方式" (a way), "程式" (a program): a
    citation after them is read."""
    prose = "该模式 (4) 与方式 (5) 已有研究,程式 (6) 亦然。"
    uncited, missing = markdown_verdict(tmp_path, _doc(prose), 8)
    assert missing == set()
    assert uncited == set()
