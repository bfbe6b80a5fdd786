"""LaTeX markup in BibTeX fields, turned into the Unicode text a reader sees.

Titles and names are compared with registry records and with in-text citations,
which are plain Unicode: ``M{\\"u}ller`` must become ``Müller`` and ``{DNA} --`` must
become ``DNA –``. pylatexenc does the decoding; this module only fixes the edges
(ties and non-breaking spaces, Unicode normal form, runaway input).

pylatexenc is thorough but slow (tens of microseconds per character), so a hostile
file made of markup could hold a worker for minutes. Two bounds keep reading linear
and quick: a value longer than `MAX_FULL_DECODE` characters (an abstract or a note,
never a name or title) has its markup stripped rather than decoded, and a caller may
open a `decoding_budget` for one file, past which every value is stripped; the
caller can then say so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexwalker import LatexWalkerError

__all__ = [
    "MAX_FULL_DECODE",
    "DecodingBudget",
    "decoding_budget",
    "latex_to_unicode",
    "strip_braces",
]

MAX_FULL_DECODE = 10_000
_CONTROL_SEQUENCE = re.compile(r"\\(?:[A-Za-z@]+\*?|.)", re.DOTALL)

_WHITESPACE = re.compile(r"[\s\u00a0]+")
_MARKUP = re.compile(r"[\\{}$~]|--|``|''")
_COMMANDS = re.compile(r"[\\$]")
_PLAIN_MARKUP = (
    ("---", "\u2014"),
    ("--", "\u2013"),
    ("``", "\u201c"),
    ("''", "\u201d"),
    ("~", " "),
)


@dataclass(slots=True)
class DecodingBudget:
    """Characters pylatexenc may still decode for one file."""

    left: int
    exhausted: bool = False


_BUDGET: ContextVar[DecodingBudget | None] = ContextVar("latex_budget", default=None)


@contextmanager
def decoding_budget(characters: int) -> Iterator[DecodingBudget]:
    """Within the block, at most `characters` in all are decoded fully, the rest stripped."""
    budget = DecodingBudget(characters)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


@lru_cache(maxsize=1)
def _converter() -> LatexNodes2Text:
    return LatexNodes2Text(math_mode="text")


def _may_decode(text: str) -> bool:
    if len(text) > MAX_FULL_DECODE:
        return False
    budget = _BUDGET.get()
    if budget is None:
        return True
    if len(text) > budget.left:
        budget.exhausted = True
        return False
    budget.left -= len(text)
    return True


def _strip_markup(text: str) -> str:
    """Linear, markup-free text: commands and braces dropped, accents lost."""
    text = strip_braces(_CONTROL_SEQUENCE.sub("", text)).replace("$", "")
    for markup, plain in _PLAIN_MARKUP:
        text = text.replace(markup, plain)
    return text


def latex_to_unicode(text: str) -> str:
    """Plain Unicode text (NFC, single spaces) for a LaTeX field value."""
    if _MARKUP.search(text) and not _COMMANDS.search(text):
        # Braces, dashes, quotes and ties only (most fields): no parser needed,
        # and a 5,000-entry file stays fast.
        text = strip_braces(text)
        for markup, plain in _PLAIN_MARKUP:
            text = text.replace(markup, plain)
    elif _MARKUP.search(text):
        if not _may_decode(text):
            text = _strip_markup(text)
        else:
            try:
                text = _converter().latex_to_text(text)
            except (LatexWalkerError, RecursionError, IndexError):
                text = strip_braces(text)
    return unicodedata.normalize("NFC", _WHITESPACE.sub(" ", text)).strip()


def strip_braces(text: str) -> str:
    """The text without BibTeX's case-protecting braces, for when decoding fails."""
    return text.replace("{", "").replace("}", "")
