"""An entry's head split at a dash ("IBGE - Instituto ...") tries each white-space run once.

The author-year matcher spells an entry's first words several ways, one of them split
at a spaced dash (`matching.author_index._HEAD_PARTS`). Searched from every position,
``\\s+[-–—]\\s+`` read a white-space run to its end from each of its spaces and found
no dash: a 300-character head of spaces cost 0.44 ms an entry, 9 s of matching for the
20,000 entries of a free-text list (4,000 entries of 'Smith' + 280 spaces: 2.7 -> 1.9
CPU s for the whole audit). Flagged by benches/redos_scan.py. The backtracking is
inside the regex engine, which counted work does not see, so the test holds the
pattern to what keeps it linear: a match never begins inside a white-space run --
and splits every head as before (the leftmost match begins where the run does).
"""

from __future__ import annotations

import random
import re

import pytest

from citeaudit.matching.author_index import _HEAD_PARTS

OLD = re.compile(r"\s+[-–—]\s+")


@pytest.mark.parametrize("blank", [" ", "\n", "\t", " \u00a0"])
def test_a_match_never_begins_inside_a_white_space_run(blank: str) -> None:
    text = "IBGE" + blank * 50 + "- Instituto"
    for start in range(len("IBGE") + 1, len("IBGE") + len(blank) * 50):
        assert _HEAD_PARTS.match(text, start) is None, start
    assert _HEAD_PARTS.search(text) is not None


def test_heads_split_as_they_did() -> None:
    rng = random.Random(11)
    for _ in range(20_000):
        head = "".join(rng.choice("aB \n\t-–—") for _ in range(rng.randint(0, 30)))
        assert _HEAD_PARTS.split(head) == OLD.split(head), head
