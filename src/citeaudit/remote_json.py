"""JSON a server sent us: an answer nested too deeply to read is no JSON at all.

``json.loads`` raises RecursionError, not ValueError, past about a thousand levels
(``[[[[...``: a few kilobytes). Every reader of a registry's, the DOI resolver's or
the archive's answer caught ValueError only, so such an answer crashed the link or
resolution phase -- the audit failed -- instead of being an answer we cannot use.
Answers are also refused past `MAX_DEPTH` levels (walked without recursion), so no
later step that recurses over them (the cache's ``json.dumps``, a deep copy) meets
one at a deeper point of its own stack.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["MAX_DEPTH", "loads"]

MAX_DEPTH = 64  # Crossref, DataCite and Handle records nest under ten levels


def loads(data: str | bytes | bytearray) -> Any:
    """`json.loads`, with nesting past `MAX_DEPTH` (or the interpreter's recursion
    limit) raised as ValueError, as any other unreadable answer is."""
    try:
        value = json.loads(data)
    except RecursionError:
        raise ValueError("the JSON answer is nested too deeply") from None
    if _depth_past(value, MAX_DEPTH):
        raise ValueError(f"the JSON answer is nested more than {MAX_DEPTH} levels")
    return value


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
