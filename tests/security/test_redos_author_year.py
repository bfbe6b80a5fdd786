"""The author-year reader's year test (`_YEARISH`) stays fast and says the same.

`_YEARISH` asks whether a bracketed group may hold a year slot: a digit year, "n.d.",
"[19--]", or one of a hundred-odd status and no-date words in a dozen languages.
Written as one alternation it tried every word at every character (a microsecond a
character), so the scan timed a hostile 40,000-character input like a super-linear
one. It is now grouped by first letter (`first_letter.by_first_letter`); these tests
hold it to the same matches as the plain alternation, to a linear and small cost on
the scan's hostile inputs, and the reader to linear growth on a hostile manuscript.
"""

from __future__ import annotations

import random
import re
import sys

import pytest

from citeaudit.manuscript.citations import author_year
from citeaudit.manuscript.citations.author_year import (
    _YEARISH,
    _YEARISH_SOURCES,
    AuthorYearExtractor,
)
from citeaudit.manuscript.citations.first_letter import by_first_letter, split_branches
from tests.citations.helpers import document
from tests.security.growth import cpu_seconds

# The pattern as it was written before: every branch in one alternation.
PLAIN = re.compile("|".join(source for source, _case in _YEARISH_SOURCES))


def _words() -> list[str]:
    """Pieces of the words the pattern knows, so random strings come near matches."""
    pieces = ["n.d.", "s.d.", "s. f.", "t.a.", "o.J.", "o. J.", "s/d", "[19--]", "[200-]"]
    pieces += ["1999", "2021", "1487", "in press", "IN  PRESS", "submitted", "resubmitted"]
    pieces += ["manuscript ", "under review", "no prelo", "sin fecha", "ohne Jahr", "в печати"]
    pieces += ["ſubmitted", "\u212aeep", "İn press", "ın press", "sem data", "à paraître"]
    pieces += ["accepted for publication", "provisionally accepted", "e-pub ahead of print"]
    return pieces


@pytest.mark.parametrize("seed", range(4))
def test_same_matches_as_the_plain_alternation(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "abcdefijklmnoprstuvJKS.-/ [] 0129\n\t\u017f\u212a\u0130\u0131вс"
    words = _words()
    for _ in range(1500):
        parts = [
            rng.choice(words) if rng.random() < 0.4 else rng.choice(alphabet)
            for _ in range(rng.randint(1, 12))
        ]
        text = "".join(parts)
        if rng.random() < 0.5:
            text = text.upper() if rng.random() < 0.5 else text.title()
        old = [m.span() for m in PLAIN.finditer(text)]
        new = [m.span() for m in _YEARISH.finditer(text)]
        assert new == old, text


def test_each_first_letter_class_holds_every_case_variant() -> None:
    """A character `re` matches to a word's first letter ignoring case (Kelvin sign,
    long s, dotted i...) must pass the group's class, or a match would be lost."""
    letters = set()
    for source, _case in _YEARISH_SOURCES:
        for branch in split_branches(source):
            letters |= {m.group(0) for m in re.finditer(r"[^\W\d_]", branch)}
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter in sorted(letters):
        twins = set(re.findall(f"(?i:{re.escape(letter)})", every))
        if len(twins) <= 2:
            continue
        word = f"(?i:{re.escape(letter)}zz)"
        grouped = re.compile(by_first_letter([(word, False)]))
        for twin in twins:
            assert grouped.fullmatch(twin + "ZZ"), (letter, twin)


def test_unknown_shapes_are_refused() -> None:
    for source in (r"a*b", r"(?:ab)+c", r"\wfoo", r"[a-z]x", "|x"):
        with pytest.raises(ValueError):
            by_first_letter([(source, False)])


@pytest.mark.parametrize("unit", ["continuously", "in ", "p", "Ba", "manuscript  ", "s. "])
def test_hostile_runs_grow_linearly_and_stay_cheap(unit: str) -> None:
    small, large = unit * (10_000 // len(unit)), unit * (40_000 // len(unit))
    plain = cpu_seconds(lambda: list(PLAIN.finditer(large)))
    grouped = cpu_seconds(lambda: list(_YEARISH.finditer(large)))
    growth = grouped / cpu_seconds(lambda: list(_YEARISH.finditer(small)))
    assert growth < 8.0  # linear is 4x
    assert grouped < plain  # the point of the rewrite: fewer branches tried


def test_reader_grows_linearly_on_a_hostile_manuscript() -> None:
    def manuscript(n: int) -> str:
        group = "(" + "in in press manuscript s. t. o. " * 10 + "Lee 1999)"
        return (group + " text ") * n

    def run(text: str) -> object:
        return AuthorYearExtractor().extract(document(text))

    small = cpu_seconds(lambda: run(manuscript(50)))
    large = cpu_seconds(lambda: run(manuscript(400)))
    assert large / small < 24.0  # 8x the input: linear is 8x
    assert author_year._yearish("(in press)", 0, 10)
