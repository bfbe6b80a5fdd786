"""An author byline: the line of a manuscript's front matter that names its authors,
each marked with the superscript of an affiliation ("Ana Lima^1^, Rui Costa^2,3^").

Those superscripts are affiliation marks, never citations: read as numeric citations
they cited entries 1, 2, 3 (hiding an entry the text never cites) or, past the list's
end, works not listed. A line is a byline when, its marks taken out, it is nothing but
personal names -- two words or more each, capitalised, initials and particles allowed
-- joined by commas, semicolons or "and" in the manuscript's language, and two of the
names carry a mark. A sentence naming authors has a verb, so it is never one.

Linear: the line is looked at only up to `_MOST` characters either side of the mark,
each pattern is a fixed alternation or a bounded run, and a line is judged once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from citeaudit.manuscript.citations.names import word_set

_MOST = 600
# the marks after a name: Pandoc's "^1,2^", HTML's "<sup>1</sup>", Unicode digits, a
# Word run's digits glued to the name ("Lima1,2"), and the signs of a corresponding or
# equal author ("*", "†")
_MARK = re.compile(
    r"\^[^\^\s]{1,12}\^|<sup>[^<>]{0,20}</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,6}(?:,[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,6}){0,6}"
    r"|(?<=[^\W\d_])\d{1,3}(?:,\d{1,3}){0,6}|[*†‡§#]{1,3}",
    re.IGNORECASE,
)
# (tried from a run's first blank only: from each blank of a long run, quadratic)
_JOINS = re.compile(r"(?<!\s)\s*+[,;&]\s*+|(?<!\s)\s++(?:and|e|y|und|et|en|och|og|i)\s++")
_INITIAL = re.compile(r"(?:[A-ZÀ-Þ]\.-?){1,3}")
_NAME_WORD = re.compile(r"[A-ZÀ-Þ][^\W\d_]*(?:['’-][^\W\d_]+){0,3}")
_PARTICLES = word_set("da de do dos das di del della van von der den ter la le du bin al el")
_MOST_WORDS = 6


def in_byline(text: str, at: int) -> bool:
    """Whether the mark at `at` stands in a byline (`text` is the document's text, its
    lines joined by newlines)."""
    low = max(at - _MOST, 0)
    start = text.rfind("\n", low, at) + 1
    if start == 0 and low > 0:
        return False  # the line runs on past the bound: prose, not a byline
    end = text.find("\n", at, at + _MOST)
    if end < 0:
        end = len(text)
        if end - at > _MOST:
            return False
    return is_byline(text[start:end])


@lru_cache(maxsize=1024)
def is_byline(line: str) -> bool:
    """Whether `line` is a byline: marked personal names only (see the module)."""
    bare, marks = _MARK.subn(" ", line)
    if marks < 2:
        return False
    parts = [p for p in _JOINS.split(bare.strip()) if p.strip()]
    return len(parts) >= 2 and all(_personal_name(p) for p in parts)


def _personal_name(part: str) -> bool:
    words = part.split()
    if not 2 <= len(words) <= _MOST_WORDS:
        return False
    named = False
    for word in words:
        if word.casefold() in _PARTICLES:
            continue
        if _INITIAL.fullmatch(word):
            continue
        if not _NAME_WORD.fullmatch(word):
            return False
        named = True
    return named
