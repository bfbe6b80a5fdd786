"""Emphasis marks around a reference entry's parts, taken off before it is read.

An entry pasted from Markdown or a word processor's export keeps its styling as marks:
ABNT sets a book's title or a journal's name in bold (``MARTINS, P. **Memórias**.
Recife: UFPE, 2001.``), APA and MLA in italics (``*Journal of Things*``, ``_Title_``),
HTML exports as ``<i>…</i>``. Read as text, the marks glued a title's first word to the
authors (the place "Recife: UFPE" became a person), so the parser reads the entry
without them. Only marks that pair around a part are taken off: a lone ``*``, an
underscore inside a word or a URL (``a_b``, ``/_files_/``) stays as written.

Every pattern is one pass with no nested repetition: a run of marks with no partner
costs one scan to the next mark (linear on any input).
"""

from __future__ import annotations

import re

__all__ = ["without_emphasis"]

# "**bold**" / "__bold__": what lies between holds no mark of the same kind
_STRONG_STARS = re.compile(r"\*\*([^*]+)\*\*")
_STRONG_UNDERSCORES = re.compile(r"(?<![^\s(\[\"'“‘«])__([^_]+)__(?![^\s.,;:()\]\"'”’»?!])")
# "*italic*" / "_italic_": the mark opens a part (after a space, a bracket or a quote, or
# at the start) and closes one (before a space or punctuation), its text neither starts
# nor ends with a space
_EM_STARS = re.compile(r"(?<![^\s(\[\"'“‘«])\*([^*\s](?:[^*]*[^*\s])?)\*(?![^\s.,;:()\]\"'”’»?!])")
_EM_UNDERSCORES = re.compile(
    r"(?<![^\s(\[\"'“‘«])_([^_\s](?:[^_]*[^_\s])?)_(?![^\s.,;:()\]\"'”’»?!])"
)
_HTML_EMPHASIS = re.compile(r"</?(?:i|b|em|strong|u)>", re.IGNORECASE)


def without_emphasis(text: str) -> str:
    """`text` with its paired emphasis marks taken off (the words stay)."""
    if "*" not in text and "_" not in text and "<" not in text:
        return text
    out = _HTML_EMPHASIS.sub("", text) if "<" in text else text
    if "*" in out:
        out = _STRONG_STARS.sub(r"\1", out)
        out = _EM_STARS.sub(r"\1", out)
    if "_" in out:
        out = _STRONG_UNDERSCORES.sub(r"\1", out)
        out = _EM_UNDERSCORES.sub(r"\1", out)
    return out
