"""Line numbers printed in the margin of a manuscript under review.

Why: journals ask for continuous line numbers on submitted manuscripts, and the text
an editor pastes or exports from such a file carries them: "12   found the opposite
(Okonkwo," / "13   2020)". Read as text, the number splits a citation wrapped over
two lines, and in the reference list every wrapped line looks like an entry of its
own ("12(3), 1-20" never cited). The numbers are blanked (columns kept, so findings
point where the text stands).

What counts as line numbering, so that a numbered reference list ("1 Smith J. ...")
or a table of figures is never taken for it: a number of one to five digits, then
blanks, at the start of the line, where the numbers rise with the lines at a constant
distance from the line's own number --
- on every line of the text but a few (`SHARE` of the non-blank lines, `LEAST` at
  least), among them a heading-like line ("Introduction", "References": short, no
  final stop) -- a list of entries alone has none; or
- on every fifth or tenth line only (as many journals print them), `LEAST_SPARSE`
  at least, each a multiple of its step.
A PDF numbers lines per page: the distance is taken per page.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Sequence

from citeaudit.manuscript.document import Line

SHARE = 0.9
LEAST = 10
LEAST_SPARSE = 3
_NUMBER = re.compile(r"\s{0,8}(\d{1,5})(?:\s{1,12}|$)")
_HEADING = re.compile(r"[A-ZÀ-Þ][^.!?:;]{0,60}")


def without_line_numbers(lines: Sequence[Line]) -> Sequence[Line]:
    """`lines` with margin line numbers blanked, or `lines` itself when none are seen."""
    numbered: list[tuple[int, int, re.Match[str]]] = []  # (index, ordinal, match)
    filled = 0
    for i, line in enumerate(lines):
        if not line.text.strip():
            continue
        filled += 1
        m = _NUMBER.match(line.text)
        if m is not None:
            numbered.append((i, filled, m))
    if len(numbered) < LEAST_SPARSE:
        return lines
    # the printed number against the line's own number, or against its rank among the
    # lines with text (a text file keeps blank lines a printout did not number)
    for rank in (False, True):
        steady = _steady(lines, numbered, rank)
        if _every_line(lines, steady, filled) or _every_fifth(steady):
            out = list(lines)
            for i, m in steady:
                line = lines[i]
                out[i] = dataclasses.replace(line, text=" " * m.end() + line.text[m.end() :])
            return out
    return lines


def _steady(
    lines: Sequence[Line], numbered: list[tuple[int, int, re.Match[str]]], rank: bool
) -> list[tuple[int, re.Match[str]]]:
    """The numbered lines at their page's most common distance from the line's place."""

    def distance(i: int, ordinal: int, m: re.Match[str]) -> int:
        return int(m.group(1)) - (ordinal if rank else lines[i].number)

    by_page: dict[int | None, Counter[int]] = {}
    for i, ordinal, m in numbered:
        by_page.setdefault(lines[i].page, Counter())[distance(i, ordinal, m)] += 1
    usual = {page: counts.most_common(1)[0][0] for page, counts in by_page.items()}
    return [(i, m) for i, ordinal, m in numbered if distance(i, ordinal, m) == usual[lines[i].page]]


def _every_line(
    lines: Sequence[Line], steady: list[tuple[int, re.Match[str]]], filled: int
) -> bool:
    if len(steady) < LEAST or len(steady) < SHARE * filled:
        return False
    return any(_HEADING.fullmatch(lines[i].text[m.end() :].strip()) for i, m in steady)


def _every_fifth(steady: list[tuple[int, re.Match[str]]]) -> bool:
    numbers = [int(m.group(1)) for _, m in steady]
    if len(numbers) < LEAST_SPARSE:
        return False
    return any(all(n % step == 0 for n in numbers) for step in (5, 10)) and all(
        b - a >= 5 for a, b in itertools.pairwise(numbers)
    )
