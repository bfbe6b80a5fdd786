"""A formula written inside a sentence, the sentence closing on a numeric citation.

"... we add both and multiply by 70: (D + H) x 70 = V(ml) (4)." -- the "(4)." closes a
sentence of prose that the formula stands in, and cites entry 4, as the paper's other
numbers do. An equation's own number stands after a displayed formula (its line ends
there) or before ", where ..." (tests/test_c8_equation_numbers.py): a full stop right
after it, in a paragraph whose sentence began with words, is a citation's place.
Every instance here is made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.verdicts import markdown_verdict

_ENTRIES = "\n".join(
    f"{k}. Author{k} A. A study of things number {k}. J Ex. {2000 + k};{k}:1-9."
    for k in range(1, 7)
)


def _doc(prose: str) -> str:
    return (
        "# Methods\n\nEarlier work set the model up (1). It was extended (2, 3).\n\n"
        f"{prose}\n\n# References\n\n{_ENTRIES}\n"
    )


@pytest.mark.parametrize(
    "prose",
    [
        "The volume is estimated from both depths in cm, summed and multiplied by 70: "
        "(D + H) × 70 = V(ml) (4). Other rules use the area (5, 6).",
        "Die Masse folgt aus der Dichte und dem Volumen, also m = ρ V (4).\n\nMehr (5, 6).",
    ],
)
def test_a_number_closing_a_sentence_after_an_inline_formula_cites(
    tmp_path: Path, prose: str
) -> None:
    uncited, missing = markdown_verdict(tmp_path, _doc(prose), 8)
    assert missing == set()
    assert uncited == set()


def test_a_displayed_equation_keeps_its_number(tmp_path: Path) -> None:
    """Control: a formula alone on its line, its number after it, cites nothing."""
    prose = "The volume follows.\n\nV = 70 (D + H) (4)\n\nOther rules use the area (5, 6)."
    uncited, missing = markdown_verdict(tmp_path, _doc(prose), 8)
    assert missing == set()
    assert uncited == {"4. Autho"}
