"""The numbers and bullets Word draws before list paragraphs.

A paragraph in a Word list (``<w:numPr>`` naming a numbering definition of
``word/numbering.xml``) shows a label -- "12.", "(3)", "•" -- that is in no run: Word
draws it. Reading the runs alone lost it, so an auto-numbered reference list read as
unnumbered paragraphs, cut by guessing, and a short entry ("ImpactStory.
impactstory.org", "Personal communication") was joined to the one before it: 29 entries
read as 18, and every later number shifted. With the label drawn as Word draws it, each
list paragraph starts with its marker, as a typed list would, and is one entry; the
numbers are the ones the citations use.

Counting follows Word: a counter per list level, shared by the lists drawn from one
abstract definition unless a list restarts it (``startOverride``); a level's count
restarts after a paragraph of a higher level. Bullets are drawn as "•" (Word's symbol
fonts put private-use characters there). Only what is needed for the label is read,
and the part's size is bounded by the package checks before it is parsed.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["MAX_DEFINITIONS", "ListLabels", "paragraph_level", "paragraph_list"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
_LEVEL_REF = re.compile(r"%([1-9])")
_MAX_COUNT = 100_000  # no list is longer; a hostile start value stays a short label
# List definitions (abstract and concrete, each) read from a numbering part: a
# manuscript defines hundreds; each costs a dozen look-ups, and the package's tag
# budget allowed 300,000 (100,000 held the reader 2.6 CPU s: freeze22).
MAX_DEFINITIONS = 20_000
_MAX_LEVELS_READ = 32  # levels (and overrides) of one list read: Word writes nine
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _q(local: str) -> str:
    return f"{{{_W}}}{local}"


def _val(element: Any, path: str) -> str | None:
    found = element.find(path, _NS)
    return None if found is None else found.get(_q("val"))


def _int(value: str | None, default: int) -> int:
    if value is None or not value.strip().lstrip("-").isdigit() or len(value) > 7:
        return default
    return max(min(int(value), _MAX_COUNT), 0)


@dataclass(frozen=True, slots=True)
class _Level:
    fmt: str
    text: str
    start: int


@dataclass(slots=True)
class ListLabels:
    """Numbering definitions of one document, and the counts drawn so far."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstract -> ilvl
    lists: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId ->
    # (abstract id, level -> start override)
    counts: dict[str, dict[int, int]] = field(default_factory=dict)  # counter key -> counts

    @classmethod
    def from_part(cls, root: Any | None) -> ListLabels:
        """Definitions from the parsed ``numbering.xml`` root (None: no lists)."""
        labels = cls()
        if root is None:
            return labels
        for abstract in itertools.islice(root.iterfind("w:abstractNum", _NS), MAX_DEFINITIONS):
            key = abstract.get(_q("abstractNumId")) or ""
            levels: dict[int, _Level] = {}
            for level in itertools.islice(abstract.iterfind("w:lvl", _NS), _MAX_LEVELS_READ):
                ilvl = _int(level.get(_q("ilvl")), -1)
                if 0 <= ilvl <= 8:
                    levels[ilvl] = _Level(
                        (_val(level, "w:numFmt") or "decimal")[:40],
                        (_val(level, "w:lvlText") or "")[:40],
                        _int(_val(level, "w:start"), 1),
                    )
            labels.levels[key] = levels
        for num in itertools.islice(root.iterfind("w:num", _NS), MAX_DEFINITIONS):
            num_id = num.get(_q("numId")) or ""
            overrides: dict[int, int] = {}
            for override in itertools.islice(num.iterfind("w:lvlOverride", _NS), _MAX_LEVELS_READ):
                start = _val(override, "w:startOverride")
                ilvl = _int(override.get(_q("ilvl")), -1)
                if start is not None and 0 <= ilvl <= 8:
                    overrides[ilvl] = _int(start, 1)
            labels.lists[num_id] = (_val(num, "w:abstractNumId") or "", overrides)
        return labels

    def label(self, num_id: str, ilvl: int) -> str:
        """The label Word draws for the next paragraph of list `num_id` at `ilvl`, counted;
        "" for a list it does not define (``numId`` 0 takes a paragraph out of a list)."""
        found = self.lists.get(num_id)
        if found is None or not 0 <= ilvl <= 8:
            return ""
        abstract, overrides = found
        levels = self.levels.get(abstract, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        key = f"n{num_id}" if overrides else f"a{abstract}"
        counts = self.counts.setdefault(key, {})
        start = overrides.get(ilvl, level.start)
        counts[ilvl] = min(counts[ilvl] + 1, _MAX_COUNT) if ilvl in counts else start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a higher level restarts the ones below it
        if level.fmt == "bullet":
            return "•"
        if level.fmt == "none":
            return ""

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            other = levels.get(k)
            value = counts.get(k, other.start if other else 1)
            return _formatted(value, (other or level).fmt)

        return _LEVEL_REF.sub(number, level.text).strip()[:_MAX_LABEL]


_MAX_LETTERS = 4
_MAX_LABEL = 64  # characters of one drawn label (a real one is a few)


def _formatted(value: int, fmt: str) -> str:
    # Word writes "aaaa" for the 79th item; a list a hostile file starts at 100,000
    # would make one label thousands of letters long, once per level reference and per
    # paragraph. Past four letters, the number itself (still a distinct label).
    if fmt in ("lowerLetter", "upperLetter") and 0 < value <= 26 * _MAX_LETTERS:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = ""
        for amount, digits in _ROMAN:
            while value >= amount:
                roman += digits
                value -= amount
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def paragraph_list(paragraph: Any) -> tuple[str, int] | None:
    """(numId, level) of a paragraph's own list membership, None when it has none."""
    num_pr = paragraph.find("w:pPr/w:numPr", _NS)
    if num_pr is None:
        return None
    num_id = _val(num_pr, "w:numId")
    if not num_id:
        return None
    return num_id[:20], _int(_val(num_pr, "w:ilvl"), 0)


def paragraph_level(paragraph: Any) -> int | None:
    """The list level a paragraph names without naming a list (its style gives the
    list), None when it names none."""
    level = paragraph.find("w:pPr/w:numPr/w:ilvl", _NS)
    return None if level is None else _int(level.get(_q("val")), 0)
