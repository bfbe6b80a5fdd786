"""A manuscript line as a reader sees it: invisible characters out, look-alike digits
and punctuation as the ASCII they show, with a map back to the columns as written.

Uploaded text is hostile. Characters that print nothing -- zero-width spaces and
joiners, soft hyphens, word joiners, byte-order marks inside text, variation
selectors, Unicode tag characters, bidirectional embeddings, overrides and isolates
-- split ``(Smi\\u200bth, 2019)`` or ``[1\\u202e]`` so that no citation reader
recognises them, and a work an editor sees cited is called "never cited" (or a
citation is hidden from the audit). Fullwidth forms (``［１］``, ``（Ｓｍｉｔｈ，２０１９）``)
and the digits of other scripts (``٢٠١٩``) show a citation in characters the readers
never match. Here each line is read once: the invisible characters are removed and
the look-alikes replaced one for one, so every citation reader sees the text a
reader of the page sees.

Removing characters moves columns, and findings carry columns. `Visible.removed`
holds the columns (0-based, as written) of what was removed; `written_column` maps a
column of the visible text back to the written one by binary search, so a hostile
line of a million zero-width spaces costs log time per finding. The map is packed
(4 bytes a removed character) so that memory stays bounded on such a line.

`DIRECTION_CONTROLS` are the bidirectional embeddings, overrides and isolates that
make a line display in another order than it is stored ("Trojan source" text): the
rule ``hidden-direction-control`` names the lines that hold them.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import cache

__all__ = [
    "DIRECTION_CONTROLS",
    "Visible",
    "compose",
    "visible",
    "visible_column",
    "written_column",
]

# Bidirectional embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI,
# RLI, FSI, PDI): they reorder what is displayed.
DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Characters that print nothing in running text. The marks (LRM, RLM, ALM) and
# joiners are removed with the rest: no citation, key or name needs them (names are
# compared folded to ASCII, where they vanish too).
_INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u034f"  # combining grapheme joiner
    "\u061c"  # Arabic letter mark
    "\u180e"  # Mongolian vowel separator
    "\u200b-\u200f"  # zero-width space, non-joiner, joiner; LRM, RLM
    "\u202a-\u202e"  # embeddings and overrides
    "\u2060-\u2064"  # word joiner, invisible operators
    "\u2066-\u206f"  # isolates; deprecated format characters
    "\ufe00-\ufe0f"  # variation selectors
    "\ufeff"  # byte-order mark / zero-width no-break space inside text
    "\U000e0000-\U000e007f"  # tag characters
    "\U000e0100-\U000e01ef"  # variation selectors supplement
)
# Character classes of literal code points: one pass, linear on any line.
_HIDDEN = re.compile(f"[{_INVISIBLE}]")
_DIRECTION = re.compile(f"[{''.join(sorted(DIRECTION_CONTROLS))}]")
# What is replaced one for one (columns unchanged): fullwidth ASCII forms and the
# decimal digits of every script.
_LOOKALIKE = re.compile(r"[\uff01-\uff5e]|(?![0-9])\d")
# 4-byte signed entries (`_columns` casts to the same): a line is far shorter than 2**31
_INDEX = "i"


@dataclass(frozen=True, slots=True)
class Visible:
    """A line as shown: `text`, and `removed`, the packed 0-based columns as written of
    the characters taken out (ascending); `direction` is True when some of them were
    bidirectional controls."""

    text: str
    removed: bytes = b""
    direction: bool = False


def visible(text: str) -> Visible:
    """`text` as a reader of the page sees it (see the module docstring)."""
    if text.isascii():
        return Visible(text)
    removed = array(_INDEX)
    direction = False
    if _HIDDEN.search(text) is not None:
        # positions packed as found; the text cut by one C-level substitution (a list
        # of the pieces between removals held a pointer per removed character)
        removed.extend(m.start() for m in _HIDDEN.finditer(text))
        direction = _DIRECTION.search(text) is not None
        text = _HIDDEN.sub("", text)
    if _LOOKALIKE.search(text) is not None:
        text = _LOOKALIKE.sub(_ascii, text)
    return Visible(text, removed.tobytes(), direction)


def _ascii(match: re.Match[str]) -> str:
    return _lookalike(match.group())


@cache
def _lookalike(char: str) -> str:
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    digit = unicodedata.decimal(char, None)
    return char if digit is None else str(digit)


def _columns(removed: bytes) -> memoryview[int]:
    return memoryview(removed).cast("i")


def written_column(removed: bytes, column: int) -> int:
    """The 0-based column, as written, of the visible text's 0-based `column`.

    The k-th removed character (0-based, at written column r) stood just before the
    visible column r - k; a visible column c was moved left by every removal whose
    r - k <= c. Those values never decrease with k: found by binary search.
    """
    if not removed:
        return column
    columns = _columns(removed)
    low, high = 0, len(columns)
    while low < high:
        middle = (low + high) // 2
        if columns[middle] - middle <= column:
            low = middle + 1
        else:
            high = middle
    return column + low


def visible_column(removed: bytes, column: int) -> int:
    """The visible 0-based column of the written 0-based `column` (a removed character
    maps to where the next visible one stands): the span maps of Word's superscripts."""
    if not removed:
        return column
    columns = _columns(removed)
    low, high = 0, len(columns)
    while low < high:  # removals before `column`
        middle = (low + high) // 2
        if columns[middle] < column:
            low = middle + 1
        else:
            high = middle
    return column - low


def compose(first: bytes, second: bytes) -> bytes:
    """The map of two removals in turn: `second`'s columns are in the text `first` left."""
    if not first:
        return second
    if not second:
        return first
    merged = sorted([*_columns(first), *(written_column(first, c) for c in _columns(second))])
    return array(_INDEX, merged).tobytes()
