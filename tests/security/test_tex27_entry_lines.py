"""tex27: one reference-list entry of many lines is cut in linear work.

The cut asked of the entry it was building whether it was dated and finished by
joining all its lines again for every next line (`_last_entry_text`): quadratic in the
lines of one entry. Lines that each open in lower case continue the entry before, so
a list (or a manuscript with no reference heading, read whole as a list) of 12,800
four-character lines was one entry and took 3 s of CPU; 4x the lines, 9x the time.
Fixed by `entry_so_far.EntrySoFar` (/work/helpers/tex27-1.diff wires it in).
"""

from __future__ import annotations

import random
import re

from citeaudit.manuscript import entry_so_far
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.entry_so_far import EntrySoFar
from citeaudit.manuscript.list_tail import _DATE_WORD, dated
from citeaudit.manuscript.reference_section import split_entries
from tests.security.counted_work import SCALE, calls_in

_UNFINISHED = (",", ":", ";", "-", "–", "(", "&")


def _lines(n: int) -> list[Line]:
    # three entries set apart by empty lines (a list of one entry a line), then one
    # whose n further lines open in lower case: its rest, never an entry of their own
    head = ["Smith, J. (2020). T.", "", "Lee, A. (2019). T.", "", "Roe, B. (2018). T.", ""]
    texts = head + ["Poe, C. Title"] + [f"and more {i}" for i in range(n)]
    return [Line("refs.txt", k + 1, t) for k, t in enumerate(texts)]


def _calls(n: int) -> int:
    lines = _lines(n)
    return calls_in(lambda: split_entries(lines))


def test_one_entry_of_many_lines_is_cut_in_linear_calls() -> None:
    small, large = _calls(400), _calls(400 * SCALE)
    # linear grows SCALE (8) times; re-joining the entry for every line, ~64 times
    assert large / small <= 2 * SCALE, (small, large)


def test_the_lines_still_make_one_entry() -> None:
    entries = split_entries(_lines(50))
    assert len(entries) == 4
    assert entries[-1].text.endswith("and more 49")


_WORDS = (
    "in", "press", "n.", "d.", "2020", "19", "99", "x", "", "a-in", "sin", "fecha", "1999x",
    "12020", "no", "date", "forthcoming", ",", "Press:", "manuscript", "accepted", "for",
    "publication", "s.", "f.", "\t", "o.", "J.",
)  # fmt: skip


def test_entry_so_far_answers_as_the_joined_text_does() -> None:
    """Against `dated` and the end check on the joined lines, over random lines built
    of years, status words cut across line breaks and runs of white space."""
    rng = random.Random(27)
    for _ in range(4000):
        lines: list[str] = []
        so_far = EntrySoFar()
        for _ in range(rng.randint(1, 7)):
            parts = (rng.choice(_WORDS) + rng.choice(("", " ", "   ", "\n")) for _ in range(4))
            text = "".join(parts)
            if rng.random() < 0.05:
                text += " " * 300  # a run longer than the tail kept
            if rng.random() < 0.05:
                text = "q" * 300 + text
            lines.append(text)
            so_far = so_far.grown(text)
            joined = " ".join(lines)
            finished = dated(joined) and not joined.rstrip().endswith(_UNFINISHED)
            assert (so_far.dated, so_far.complete) == (dated(joined), finished), lines


def test_no_status_word_is_longer_than_the_window_looked_back() -> None:
    """A status word cut across a line break starts at most `_BACK` characters back:
    its widest match, every run of white space two long, must fit (a longer word added
    to `publication_status` would be missed across the break)."""
    cut = _DATE_WORD.pattern.replace(r"\s+", r"\s{1,2}").replace(r"\s*", r"\s{0,2}")
    assert "+" not in cut.replace(r"\s{1,2}", "") and "*" not in cut
    widest = re.compile(cut)
    parsed = re._parser.parse(widest.pattern, widest.flags)  # type: ignore[attr-defined]
    assert parsed.getwidth()[1] < entry_so_far._BACK
