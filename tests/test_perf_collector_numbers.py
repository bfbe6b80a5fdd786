"""Collector's numbers near a group: the prefilter and the one-scan reader give the
answers of the plain window search (`specimens`), on made-up specimen lists, dense
author-year prose, and numbers at the windows' very edges."""

from __future__ import annotations

import random
import re

import pytest

from citeaudit.manuscript.citations import specimens
from citeaudit.manuscript.citations.specimens import CollectorNumbers, collector_numbers_near


def _plain(text: str, start: int, end: int) -> bool:
    """The window search with no prefilter: what `collector_numbers_near` answered."""
    reach = specimens._COLLECTOR_REACH
    low, high = max(0, start - reach), min(len(text), end + reach)
    return specimens._collectors_between(text, low, high)


_PIECES = (
    "(Okonkwo 2015) ",
    "(Tavares, 1998) ",
    "fala (Bartram 561), ",
    "(Kiwele, Marano 1546) ",
    "Dorval 8972, ",
    "Figure 123, ",
    "Mbeki. 40123; ",
    "Ferraz 212,5 ",
    "Ruíz 3021] ",
    "word ",
    "x 2045) ",
    "(Hollis 2040) ",
    "a 123, ",
    "\n",
    " 999,",
    "some more words of prose ",
)
_FILLER = ("(Okonkwo 2015) ", "(Tavares, 1998) ", "word ", "some more words of prose ")


def _texts(seed: int) -> list[str]:
    rng = random.Random(seed)
    # filler mostly: a window holds a collector's number now and then, not always
    weights = [40 if piece in _FILLER else 1 for piece in _PIECES]
    return ["".join(rng.choices(_PIECES, weights, k=rng.randint(1, 160))) for _ in range(40)]


def _groups(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\([^()]*\)", text)]


@pytest.mark.parametrize("seed", range(6))
def test_prefiltered_window_answers_as_the_plain_search(seed: int) -> None:
    for text in _texts(seed):
        for start in range(0, len(text), 7):
            end = min(len(text), start + 1 + start % 30)
            assert collector_numbers_near(text, start, end) == _plain(text, start, end)


@pytest.mark.parametrize("seed", range(6))
def test_one_scan_answers_as_the_plain_search_in_text_order(seed: int) -> None:
    for text in _texts(seed):
        reader = CollectorNumbers(text)
        for start, end in _groups(text):
            assert reader.near(start, end) == _plain(text, start, end)


def test_one_scan_asked_out_of_order_answers_the_plain_way() -> None:
    text = "word " * 80 + "(Bartram 561) " + "word " * 80 + "(Okonkwo 2015)"
    reader = CollectorNumbers(text)
    late, early = _groups(text)[1], _groups(text)[0]
    assert reader.near(*late) == _plain(text, *late)
    assert reader.near(*early) is True  # before the last window: searched again


def test_number_just_inside_and_just_outside_the_reach() -> None:
    reach = specimens._COLLECTOR_REACH
    for gap in range(reach - 12, reach + 12):
        text = "Bartram 561, " + "w" * gap + "(Okonkwo 2015)"
        start, end = _groups(text)[0]
        assert collector_numbers_near(text, start, end) == _plain(text, start, end)
        assert CollectorNumbers(text).near(start, end) == _plain(text, start, end)


def test_a_page_of_years_holds_no_number_to_look_at() -> None:
    """The bench's prose: every group's window is passed over by the prefilter."""
    text = "As Smith (2020) and Lee & Park (2019a) show [1], it holds (Chen, 2018). " * 50
    assert specimens._NUMBER_AND_SEPARATOR.search(text) is None
    reader = CollectorNumbers(text)
    assert not any(reader.near(s, e) for s, e in _groups(text))
