"""Thousands of declared cross-reference kinds cost nothing per "@" of the text.

A Quarto front matter may declare custom cross-reference kinds (``crossref: custom:
- key: suppfig``); ``@suppfig-x`` is then no citation and its ``@`` is blanked. The
kinds used to be joined into one alternation tried at every "@": a hostile front
matter of two thousand 300-letter keys over a 600 KB line of near misses took eight
seconds (and grew faster than the text). The kind is now read as a word and looked
up: the same line takes milliseconds. A clock, with a margin of hundreds: the cost
was inside one regular-expression call, where counted work does not see.
"""

from __future__ import annotations

import time

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.markdown import hide_custom_crossrefs

_KEYS = 2_000
_LONG = "q" * 300


def test_many_long_declared_kinds_and_near_misses_are_read_at_once() -> None:
    keys = tuple(f"{_LONG}{i}" for i in range(_KEYS))
    line = f"@{_LONG}x-1 " * _KEYS
    started = time.perf_counter()
    out = hide_custom_crossrefs([Line("paper.qmd", 1, line)], keys)
    assert time.perf_counter() - started < 2.0
    assert out[0].text == line  # near misses: no kind declared, nothing blanked


def test_declared_kinds_are_still_blanked_and_others_kept() -> None:
    line = "See @suppfig-x, @{suppfig-y}, @fig-z, @suppfigs-q, e@suppfig-w, [@lee2019]."
    out = hide_custom_crossrefs([Line("paper.qmd", 1, line)], ("suppfig", "supptab"))
    assert out[0].text == (
        "See  suppfig-x,   suppfig-y}, @fig-z, @suppfigs-q, e@suppfig-w, [@lee2019]."
    )
