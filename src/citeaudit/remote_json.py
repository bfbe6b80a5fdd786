"""JSON a server sent us: an answer nested too deeply to read is no JSON at all.

``json.loads`` raises RecursionError, not ValueError, past about a thousand levels
(``[[[[...``: a few kilobytes). Every reader of a registry's, the DOI resolver's or
the archive's answer caught ValueError only, so such an answer crashed the link or
resolution phase -- the audit failed -- instead of being an answer we cannot use.
Answers are also refused past `MAX_DEPTH` levels (walked without recursion), so no
later step that recurses over them (the cache's ``json.dumps``, a deep copy) meets
one at a deeper point of its own stack.

Nor may an answer hold more values than any record we read: ``json.loads`` builds an
object of 50 to 230 bytes for each ``{}`` of 3 bytes, so the 16 MB a registry's
answer may be (`links.pinned.MAX_BODY`) of ``[{},{},...]`` took 785 MB, once per
look-up in flight. An answer with more than `MAX_CONTAINERS` objects and arrays, or
`MAX_SEPARATORS` commas, is refused before it is parsed (counted in the bytes, so
brackets and commas inside strings count too: an over-estimate, never an under-one).
A Crossref page of a thousand records with a hundred authors each holds a tenth of
either; a batch refused this way is asked again one DOI at a time.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["MAX_CONTAINERS", "MAX_DEPTH", "MAX_SEPARATORS", "loads"]

MAX_DEPTH = 64  # Crossref, DataCite and Handle records nest under ten levels
MAX_CONTAINERS = 200_000  # objects and arrays in one answer
MAX_SEPARATORS = 1_000_000  # commas in one answer: about as many values


def loads(data: str | bytes | bytearray) -> Any:
    """`json.loads`, with nesting past `MAX_DEPTH` (or the interpreter's recursion
    limit) raised as ValueError, as any other unreadable answer is; so is an answer
    with more than `MAX_CONTAINERS` objects and arrays or `MAX_SEPARATORS` commas."""
    _check_counts(data)
    try:
        value = json.loads(data)
    except RecursionError:
        raise ValueError("the JSON answer is nested too deeply") from None
    if _depth_past(value, MAX_DEPTH):
        raise ValueError(f"the JSON answer is nested more than {MAX_DEPTH} levels")
    return value


def _check_counts(data: str | bytes | bytearray) -> None:
    """Refuse `data` holding more containers or separators than an answer may."""
    if isinstance(data, str):
        containers = data.count("{") + data.count("[")
        separators = data.count(",")
    else:
        containers = data.count(b"{") + data.count(b"[")
        separators = data.count(b",")
    if containers > MAX_CONTAINERS:
        raise ValueError(f"the JSON answer holds more than {MAX_CONTAINERS} objects and arrays")
    if separators > MAX_SEPARATORS:
        raise ValueError(f"the JSON answer holds more than {MAX_SEPARATORS} values")


def _depth_past(value: Any, limit: int) -> bool:
    """Whether containers in `value` nest more than `limit` deep (no recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False
