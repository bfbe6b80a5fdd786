"""A place in the text that may be a numeric citation, and how its numbers are read.

Shared by the forms of `numeric` and the citation-order reading of `numeric_order`,
so that both weigh the same kind of thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_RANGE = 100  # "1-50" cites fifty works; "3-2000" is a span of pages, not citations


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    numbers: tuple[int, ...]
    form: str  # "bracket", "glued-bracket", "paren", "superscript", "glued", ...
    # each work's label when the marker names sub-entries ("[3a,c, 4]" -> 3a, 3c, 4)
    labels: tuple[str, ...] = ()
    # a number a converter linked to its entry inside the author's round brackets
    # ("([10](#CR10),[46](#CR46))"): kept as a bracket is, but no evidence that the
    # manuscript cites in square brackets (its own "(5)" are its style)
    in_rounds: bool = False


_PARTS = re.compile(r"[,;]")
_BOUNDS = re.compile(r"[-–—−]")  # U+2212 MINUS SIGN is a range dash in print


def expand(body: str) -> tuple[int, ...]:
    """``3,5-7`` -> (3, 5, 6, 7); nothing when a part is 0, reversed, too wide or ``1-2-3``."""
    if body.isdecimal():  # one number, the usual case, without splitting
        number = int(body)
        return (number,) if number else ()
    numbers: dict[int, None] = {}
    for part in _PARTS.split(body):
        bounds = [int(x) for x in _BOUNDS.split(part.strip()) if x.strip()]
        if not bounds or len(bounds) > 2 or any(n == 0 for n in bounds):
            return ()
        if len(bounds) == 1:
            numbers[bounds[0]] = None
            continue
        low, high = bounds
        if high < low or high - low > MAX_RANGE:
            return ()
        numbers.update(dict.fromkeys(range(low, high + 1)))
    return tuple(numbers)


# The word before a place, read backwards from it: the forward "([^\W\d_]+)\.?\s*$"
# is tried at every offset of its window and runs over the word from each (quadratic
# in the word's length, the most of the numeric reader's time on a page of markers).
_WORD_BACKWARDS = re.compile(r"\s*\.?([^\W\d_]+)")


def word_before(text: str, low: int, end: int) -> tuple[int, str]:
    r"""The word ``text[low:end]`` ends on, before an optional full stop and blanks
    ("al. " -> "al"), and where it starts in `text`; (-1, "") when it ends on none.
    The same word as ``re.search(r"([^\W\d_]+)\.?\s*$", text[low:end])`` finds."""
    window = text[low:end][::-1]
    found = _WORD_BACKWARDS.match(window)
    if found is None:
        return -1, ""
    return low + len(window) - found.end(1), found.group(1)[::-1]


# what names a noun as a thing already spoken of, not a label: "this group", "a
# representative group", "each stage" (a label's noun stands bare: "in group 2")
_DETERMINERS = frozenset(
    ("a", "an", "this", "that", "these", "those", "each", "every", "our", "their", "its", "such")
)


def determined(text: str, noun_start: int) -> bool:
    """Whether one of the two words before the noun at `noun_start` is a determiner
    ("in this group 10.", "a representative group 43."): the number after such a noun
    is no label of it ("in group 2."), and ends the sentence as a superscript would."""
    before = text[max(noun_start - 40, 0) : noun_start]
    if not before[-1:].isspace():
        return False
    words = before.split()[-2:]
    return any(w.casefold() in _DETERMINERS for w in words if w.isalpha())
