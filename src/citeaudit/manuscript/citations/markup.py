"""Light Markdown markup, hidden without moving any character.

Readers may leave emphasis in `Document.lines` (``*CSTO*``, ``**NATO**``). The
author-year extractor works on a copy of the text where markup characters are
blanked out, so every offset it finds is still an offset into `Document.text`
and the marker text can be cut from the original.
"""

from __future__ import annotations

import bisect
import re
import sys

_MARKUP = re.compile(r"[*_`\\]|&nbsp;")
_CODE_SPAN = re.compile(r"`[^`\n]*`")


# A no-break space and the Unicode hyphens Word writes inside names are a space and a
# hyphen to the readers ("Johansen &<NBSP>Tjørnhøj‐Thomsen"): one character for one,
# so every offset is kept.
_AS_PLAIN = str.maketrans(
    {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2010": "-", "\u2011": "-"}
)


def blank_markup(text: str) -> str:
    return _MARKUP.sub(lambda m: " " * len(m.group()), text).translate(_AS_PLAIN)


def code_spans(text: str) -> list[tuple[int, int]]:
    """Inline code spans, in order and never overlapping: nothing inside is a citation."""
    return [(m.start(), m.end()) for m in _CODE_SPAN.finditer(text)]


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` falls in one of `spans` (sorted, disjoint): a binary search, so
    a manuscript with thousands of code spans stays linear."""
    i = bisect.bisect_right(spans, (offset, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
