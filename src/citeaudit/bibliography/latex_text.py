"""LaTeX markup in BibTeX fields, turned into the Unicode text a reader sees.

Titles and names are compared with registry records and with in-text citations,
which are plain Unicode: ``M{\\"u}ller`` must become ``Müller`` and ``{DNA} --`` must
become ``DNA –``. pylatexenc does the decoding; this module only fixes the edges
(ties and non-breaking spaces, Unicode normal form, runaway input).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexwalker import LatexWalkerError

__all__ = ["latex_to_unicode", "strip_braces"]

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


@lru_cache(maxsize=1)
def _converter() -> LatexNodes2Text:
    return LatexNodes2Text(math_mode="text")


def latex_to_unicode(text: str) -> str:
    """Plain Unicode text (NFC, single spaces) for a LaTeX field value."""
    if _MARKUP.search(text) and not _COMMANDS.search(text):
        # Braces, dashes, quotes and ties only (most fields): no parser needed,
        # and a 5,000-entry file stays fast.
        text = strip_braces(text)
        for markup, plain in _PLAIN_MARKUP:
            text = text.replace(markup, plain)
    elif _MARKUP.search(text):
        try:
            text = _converter().latex_to_text(text)
        except (LatexWalkerError, RecursionError, IndexError):
            text = strip_braces(text)
    return unicodedata.normalize("NFC", _WHITESPACE.sub(" ", text)).strip()


def strip_braces(text: str) -> str:
    """The text without BibTeX's case-protecting braces, for when decoding fails."""
    return text.replace("{", "").replace("}", "")
