"""Light Markdown markup, hidden without moving any character.

Readers may leave emphasis in `Document.lines` (``*CSTO*``, ``**NATO**``) and links
(``Zhang ([2022](#ref-zhang))``: a web page converted to Markdown links every
citation to its entry). The author-year extractor works on a copy of the text where
markup characters, inline HTML tags and a link's brackets and address are blanked out -- the label
stays, as a reader of the page sees it -- so every offset it finds is still an
offset into `Document.text` and the marker text can be cut from the original.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterator

_MARKUP = re.compile(r"[*_`\\]|&nbsp;")
# An inline link whose label holds no bracket: "[label](address "title")". Each part is
# possessive and stops at the next bracket, so a line of unclosed "[" is one pass.
# A converter wraps a paragraph inside a link's label ("[Gao\n*et al.*, 2019](#ref-22)"):
# one line break in the label is the label's, a blank line ends the paragraph.
_LINK = re.compile(
    r"\[(?P<label>(?:[^\[\]\n]++|\n(?![ \t]*+\n))*+)\]"
    r"\((?:<[^<>\n]*+>|(?:[^()\s]++|\([^()\s]*+\))*+)(?:[ \t]++\"[^\"\n]*+\")?[ \t]*+\)"
)
# Inline HTML a converter leaves in Markdown ("(Lee, <a href="#B2">2015</a>)"): the tags
# print nothing. Only the inline elements a page's text is written with, so a
# comparison ("a<b and c>d") is never taken for a tag.
_TAG = re.compile(
    r"</?(?:a|abbr|b|bdi|cite|em|font|i|mark|q|s|small|span|strong|sub|sup|u)"
    r"(?=[\s>/])[^<>\n]*+>",
    re.IGNORECASE,
)
_CODE_SPAN = re.compile(r"`[^`\n]*`")


# A no-break space and the Unicode hyphens Word writes inside names are a space and a
# hyphen to the readers ("Johansen &<NBSP>Tjørnhøj‐Thomsen"): one character for one,
# so every offset is kept.
_AS_PLAIN = str.maketrans(
    {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2010": "-", "\u2011": "-"}
)


def blank_markup(text: str) -> str:
    if "](" in text:
        text = _LINK.sub(_label_only, text)
    if "<" in text:
        text = _TAG.sub(lambda m: " " * len(m.group()), text)
    if "&amp;" in text:
        # an ampersand a converter left as its entity ("(Li, &amp; Rife, 2017)"): the
        # "&" stays where it was written, the rest of the entity is blanked
        text = text.replace("&amp;", "&    ")
    return _MARKUP.sub(lambda m: " " * len(m.group()), text).translate(_AS_PLAIN)


def _label_only(link: re.Match[str]) -> str:
    label = link.group("label")
    return " " + label + " " * (link.end() - link.start() - len(label) - 1)


class CodeSpans:
    """Inline code spans, sorted and disjoint, as two arrays of offsets.

    A page of one-letter code spans repeated is a span every four characters: held as Python
    pairs (and copied into an index) they cost ~55 bytes a character while extraction
    ran (1.6 MB: +87 MB). Eight bytes a span here, queried by bisection.
    """

    __slots__ = ("_ends", "_starts")

    def __init__(self, text: str) -> None:
        # four bytes an offset where the page allows (any upload does)
        kind = "I" if len(text) < 2**32 and array("I").itemsize >= 4 else "q"
        self._starts = array(kind)
        self._ends = array(kind)
        for m in _CODE_SPAN.finditer(text):
            self._starts.append(m.start())
            self._ends.append(m.end())

    def __len__(self) -> int:
        return len(self._starts)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self._starts, self._ends, strict=True)

    def covers(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]


def code_index(text: str) -> CodeSpans:
    """The inline code spans of `text`, held compactly (`CodeSpans`)."""
    return CodeSpans(text)


def link_syntax_around(text: str, start: int, end: int) -> bool:
    """Whether the bracket ``text[start:end]`` is Markdown link syntax, not a citation:
    a reference link's label (``][x]``), an image (``![x]``), an escape, a handle, a
    superscript's opening; or followed by a link target, a reference label, a
    definition's colon or attributes (``[x](url)``, ``[x][y]``, ``[x]: url``, ``[x]{.c}``)."""
    if start and text[start - 1] in "]!@\\^":
        return True
    return text[end : end + 1] in ("(", "[", ":", "{")
