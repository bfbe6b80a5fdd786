"""A line of ``\\phantom{`` left open is read within a budget, in linear time.

`latex_unseen` blanks what ``\\phantom`` and its kin swallow (they print nothing). Each
group was read up to 10,000 characters when it was not closed, from every
``\\phantom{`` of the text, without the reading budget its neighbours (white text,
dropped arguments) keep: 8,000 ``\\phantom{`` and one ``}`` (72 KB) took 8 s of the
LaTeX reader, and a megabyte minutes. The groups now share that budget (four times the
text). The test compares CPU growth at 8x the size (linear 8x, quadratic 64x; fails
past 20x), as tests/security's do, and checks a closed phantom is still blanked.
"""

from __future__ import annotations

from citeaudit.manuscript import latex_unseen
from tests.security.growth import growth_at

MAX_GROWTH = 20.0
growth = growth_at(8)


def test_phantoms_left_open_cost_linear_time() -> None:
    ratio = growth(lambda n: "\\phantom{" * n + "}", latex_unseen._phantoms, 300)
    assert ratio < MAX_GROWTH, ratio


def test_closed_phantom_is_still_found() -> None:
    text = "Seen (Lee 2001) \\phantom{(Okafor 2018)} and \\hphantom{x}."
    spans = latex_unseen._phantoms(text)
    assert [text[a:b] for a, b in spans] == ["{(Okafor 2018)}", "{x}"]
