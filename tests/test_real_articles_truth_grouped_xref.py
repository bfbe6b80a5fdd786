"""The real-article bench's truth: one xref whose own text lists several numbers cites
every number it lists (made-up record).

Some SciELO markup of 2013 links a whole citation group with one xref to its last
entry, ``<xref rid="B49">45,48,49</xref>``: read as written, the truth called 45 and
48 never cited though the page cites them.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCHES = Path(__file__).resolve().parent.parent / "benches"
sys.path.insert(0, str(BENCHES))

from real_articles_jats import expand_ranges  # noqa: E402


def _cited(text: str, start: int, end: int, target: int) -> list[int]:
    refs = [{"label": str(n)} for n in range(1, 21)]
    paras = [{"t": text, "cit": [[start, end, [target]]]}]
    expand_ranges(paras, refs)
    return [i + 1 for i in paras[0]["cit"][0][2]]


def test_a_listed_group_cites_each_number() -> None:
    text = "in rodents 12,14-16. Then"
    assert _cited(text, 11, 19, 15) == [12, 14, 15, 16]


def test_a_range_and_a_single_number_as_before() -> None:
    assert _cited("seen 3-5 here", 5, 8, 4) == [3, 4, 5]
    assert _cited("seen 7 here", 5, 6, 6) == [7]


def test_a_number_with_words_is_left_as_linked() -> None:
    assert _cited("see ref. 12, p. 4", 4, 17, 11) == [12]
