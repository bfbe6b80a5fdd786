"""A manuscript line as a reader sees it: invisible characters out, look-alike digits
and punctuation as the ASCII they show, with a map back to the columns as written.

Uploaded text is hostile. Characters that print nothing -- zero-width spaces and
joiners, soft hyphens, word joiners, byte-order marks inside text, variation
selectors, Unicode tag characters, bidirectional embeddings, overrides and isolates
-- split ``(Smi\\u200bth, 2019)`` or ``[1\\u202e]`` so that no citation reader
recognises them, and a work an editor sees cited is called "never cited" (or a
citation is hidden from the audit). Fullwidth forms (``［１］``, ``（Ｓｍｉｔｈ，２０１９）``), the
digits of other scripts (``٢٠١٩``) and the Arabic comma and semicolon (``،``, ``؛``)
show a citation in characters the readers never match. Here each line is read once:
the invisible characters are removed and the look-alikes replaced one for one, so
every citation reader sees the text a reader of the page sees. Not so a citation
key, which a program resolves by its characters: a Pandoc ``@key`` is kept as
written (with an invisible character that ends it), and a LaTeX body is not changed
at all (`Document`).

Removing characters moves columns, and findings carry columns. `Visible.removed`
holds the columns (0-based, as written) of what was removed; `written_column` maps a
column of the visible text back to the written one by binary search, so a hostile
line of a million zero-width spaces costs log time per finding. The map is packed,
four Latin-1 characters a removed character (a str of one byte a character in
memory, as a tuple of ints would hold 36): memory stays bounded on such a line, and
a Document still serialises as the reports' data must.

`DIRECTION_CONTROLS` are the bidirectional embeddings, overrides and isolates that
make a line display in another order than it is stored ("Trojan source" text): the
rule ``hidden-direction-control`` names the lines that hold them.
"""

from __future__ import annotations

import io
import re
import sys
import unicodedata
from array import array
from dataclasses import dataclass
from functools import cache

__all__ = [
    "DIRECTION_CONTROLS",
    "Visible",
    "compose",
    "has_direction_controls",
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
_LOOKALIKE = re.compile(r"[\uff01-\uff5e\u060c\u061b]|(?![0-9])\d")
# The comma and semicolon of Arabic script (Arabic, Persian, Urdu): a citation
# "(الشمري، 2019؛ العتيبي، 2020)" and an entry "الشمري، محمد." are separated so.
_SCRIPT_PUNCTUATION = {"\u060c": ",", "\u061b": ";"}
# A Pandoc citation key as Pandoc reads it: after "@" (not inside a word or an e-mail
# address), a word character then word characters and internal punctuation, or any
# characters in braces. Possessive: each character is read once.
_KEY = re.compile(r"(?<![\w@])@(?:\{[^{}\n]*+\}?|\w[\w:.#$%&+?<>~/-]*+)")
# 4-byte signed entries: a line is far shorter than 2**31 characters
_INDEX = "i"
_WIDTH = array(_INDEX).itemsize


@dataclass(frozen=True, slots=True)
class Visible:
    """A line as shown: `text`, and `removed`, the packed 0-based columns as written of
    the characters taken out (ascending); `direction` is True when some of them were
    bidirectional controls."""

    text: str
    removed: str = ""
    direction: bool = False


def visible(text: str) -> Visible:
    """`text` as a reader of the page sees it (see the module docstring). A Pandoc
    key (``@smith2019``, ``@{smith 2019}``) is resolved by its characters, not read:
    it is kept as written, with an invisible character that ends it, which ends it
    for Pandoc too (``[@smi\u200bth]`` cites "smi", and "smith" stays uncited)."""
    if text.isascii():
        return Visible(text)
    if _HIDDEN.search(text) is None and _LOOKALIKE.search(text) is None:
        return Visible(text)
    removed = array(_INDEX)
    direction = _DIRECTION.search(text) is not None
    if "@" not in text:
        return Visible(_segment(text, 0, removed), _pack(removed), direction)
    out = io.StringIO()
    done = 0
    for key in _KEY.finditer(text):
        end = key.end()
        if _HIDDEN.match(text, end) is not None:
            end += 1
        out.write(_segment(text[done : key.start()], done, removed))
        out.write(text[key.start() : end])
        done = end
    out.write(_segment(text[done:], done, removed))
    return Visible(out.getvalue(), _pack(removed), direction)


def has_direction_controls(text: str) -> bool:
    """Whether `text` holds a bidirectional embedding, override or isolate."""
    return not text.isascii() and _DIRECTION.search(text) is not None


def _segment(text: str, offset: int, removed: array[int]) -> str:
    """`text` (at `offset` in its line) shown: invisible characters cut by one
    substitution, their columns packed as found (a list of the pieces between them
    held a pointer per removed character), look-alikes replaced."""
    if _HIDDEN.search(text) is not None:
        removed.extend(offset + m.start() for m in _HIDDEN.finditer(text))
        text = _HIDDEN.sub("", text)
    if _LOOKALIKE.search(text) is not None:
        text = _LOOKALIKE.sub(_ascii, text)
    return text


def _ascii(match: re.Match[str]) -> str:
    return _lookalike(match.group())


@cache
def _lookalike(char: str) -> str:
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if char in _SCRIPT_PUNCTUATION:
        return _SCRIPT_PUNCTUATION[char]
    digit = unicodedata.decimal(char, None)
    return char if digit is None else str(digit)


def _pack(columns: array[int]) -> str:
    return columns.tobytes().decode("latin-1")


class _Columns:
    """The packed columns, read one at a time (a binary search reads log n of them)."""

    __slots__ = ("_packed",)

    def __init__(self, packed: str) -> None:
        self._packed = packed

    def __len__(self) -> int:
        return len(self._packed) // _WIDTH

    def __getitem__(self, k: int) -> int:
        piece = self._packed[k * _WIDTH : (k + 1) * _WIDTH].encode("latin-1")
        return int.from_bytes(piece, sys.byteorder, signed=True)

    def all(self) -> array[int]:
        columns = array(_INDEX)
        columns.frombytes(self._packed.encode("latin-1"))
        return columns


def _columns(removed: str) -> _Columns:
    return _Columns(removed)


def written_column(removed: str, column: int) -> int:
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


def visible_column(removed: str, column: int) -> int:
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


def compose(first: str, second: str) -> str:
    """The map of two removals in turn: `second`'s columns are in the text `first` left."""
    if not first:
        return second
    if not second:
        return first
    later = (written_column(first, c) for c in _columns(second).all())
    return _pack(array(_INDEX, sorted([*_columns(first).all(), *later])))
