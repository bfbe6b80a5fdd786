"""Two numbered entries typed into one paragraph, told apart.

Why: an author who deletes a paragraph mark in a bracket-numbered list joins two
entries in one paragraph ("[12] Lee K. Title. 1979. [13]Beaujean A. Title. 2001."):
the list read as one entry fewer, entry 13 was nowhere, and every citation of it was
"missing" although the list, as Word shows it, holds it. A bracketed label ``[n]`` is
the list's own number, so an entry opening with ``[12]`` that holds ``[13]`` after a
sentence end is cut there, and again at ``[14]`` and so on. Only the next number in
sequence cuts, after a full stop or closing punctuation: a title that quotes "[13]" in
the middle of a sentence is left alone.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from citeaudit.manuscript.document import RawEntry

__all__ = ["split_run_on"]

_OPENING = re.compile(r"\s*\[(\d{1,4})\]")
_MAX_CUTS = 50  # entries one paragraph may hold; a real run-on holds two or three


def split_run_on(entries: Sequence[RawEntry]) -> tuple[RawEntry, ...]:
    """`entries` with each bracket-numbered entry cut where the next number starts."""
    out: list[RawEntry] = []
    for entry in entries:
        out.extend(_cut(entry))
    return tuple(out)


def _cut(entry: RawEntry) -> list[RawEntry]:
    opening = _OPENING.match(entry.text)
    if opening is None:
        return [entry]
    number = int(opening.group(1))
    text = entry.text
    starts = [0]
    position = opening.end()
    for _ in range(_MAX_CUTS):
        label = f"[{number + 1}]"
        found = text.find(label, position)
        if found < 0 or not _after_sentence(text, found):
            break
        starts.append(found)
        number += 1
        position = found + len(label)
    if len(starts) == 1:
        return [entry]
    ends = [*starts[1:], len(text)]
    return [
        dataclasses.replace(entry, text=text[a:b].strip(), raw=text[a:b].strip())
        for a, b in zip(starts, ends, strict=True)
    ]


def _after_sentence(text: str, found: int) -> bool:
    """The label follows the end of a sentence (". [13]", ".[13]", ") [13]", a URL)."""
    before = text[max(0, found - 8) : found].rstrip()
    if not before:
        return False
    return before[-1] in ".)]}\"'”’" or before.endswith(("/", "html", "pdf"))
