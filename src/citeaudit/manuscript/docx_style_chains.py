"""A Word style's setting inherited through its `basedOn` chain, each chain walked once.

A style takes a setting it does not make (a colour, a size, hiding, a list, a heading
level) from the style it is based on, and so on up. Walked afresh from every style, a
styles part of long chains or cycles cost each style the whole allowed walk -- 32 steps
for each of six settings, 16 for lists and headings: a 670 KB upload of 100,000 styles
in cycles held the Word reader 23 CPU seconds (freeze22), and the package's three
million tags allow ten times that. Here each style is resolved once and remembers what
it found and how far away, so every later walk stops at the first style already
resolved: linear in the number of styles, whatever the chains' shapes. The cap on the
steps (Word allows far fewer; a cycle stops too) gives the same answers as before.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

__all__ = ["MAX_STYLES", "nearest_along", "styles_read"]

# Styles of one styles part read. Word keeps at most 4,079 styles in a document; a part
# of more is no Word file's, and each style read costs every setting's look-ups (about
# 60 microseconds: 100,000 styles held the reader over 5 CPU seconds even with each
# chain walked once, and a package's three million tags allow a million and a half).
MAX_STYLES = 10_000
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_T = TypeVar("_T")


def nearest_along(
    starts: Iterable[str], own: Mapping[str, _T], parents: Mapping[str, str], cap: int
) -> dict[str, _T]:
    """For each style of `starts`, the value in `own` of the nearest style on its chain
    (itself first, then `parents` upwards) at most `cap - 1` steps away; a style whose
    chain ends, loops or runs past the cap first has none (left out)."""
    found: dict[str, tuple[_T, int] | None] = {}  # style -> (value, steps to it) | none
    out: dict[str, _T] = {}
    for start in starts:
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = start
        tail: tuple[_T, int] | None = None
        while current:
            if current in found:
                tail = found[current]
                break
            if current in own:
                tail = found[current] = (own[current], 0)
                break
            if current in on_path:
                break  # a cycle none of whose styles sets it
            path.append(current)
            on_path.add(current)
            current = parents.get(current)
        for steps, style in enumerate(reversed(path), 1):
            found[style] = None if tail is None else (tail[0], tail[1] + steps)
        result = found.get(start)
        if result is not None and result[1] < cap:
            out[start] = result[0]
    return out


def styles_read(styles_root: Any) -> Iterator[Any]:
    """The part's `w:style` elements, the first `MAX_STYLES` of them."""
    return itertools.islice(styles_root.iterfind(f"{{{_W}}}style"), MAX_STYLES)
