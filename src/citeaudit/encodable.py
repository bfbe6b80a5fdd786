"""Text that every writer can encode: no lone surrogates, no NUL characters.

A Python string may hold a lone UTF-16 surrogate (CSL-JSON's ``"\\ud800"`` escape
decodes to one) and a NUL (``"\\u0000"``); neither can be written as UTF-8, and
PostgreSQL refuses both in text and JSON. One such character in one entry must not
make a report, or the service's stored audit, fail as a whole: readers clean what
they decode, and every writer cleans what it writes, each with U+FFFD so the reader
of the report sees that something was there.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["REPLACEMENT", "encodable", "encodable_data"]

REPLACEMENT = "\ufffd"
_UNWRITABLE = re.compile("[\x00\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """`text` with each NUL and lone surrogate replaced by U+FFFD.

    A high and low surrogate that stand next to each other are one character split
    in two (``surrogatepass`` decoding leaves them so): they are joined, not replaced.
    """
    if _UNWRITABLE.search(text) is None:
        return text  # the common case: one linear scan, no copy
    if _SURROGATE.search(text) is not None:
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text.replace("\x00", REPLACEMENT)


def encodable_data(value: Any) -> Any:
    """Every string in JSON-like data (dicts, lists, tuples), keys too, made encodable.

    Iterative rather than recursive, so data nested deeper than Python's recursion
    limit is cleaned too.
    """
    if isinstance(value, str):
        return encodable(value)
    if not isinstance(value, dict | list | tuple):
        return value
    root: list[Any] = [None]
    stack: list[tuple[Any, Any, Any]] = [(value, root, 0)]
    while stack:
        item, parent, slot = stack.pop()
        if isinstance(item, str):
            parent[slot] = encodable(item)
        elif isinstance(item, dict):
            copy: dict[Any, Any] = {}
            parent[slot] = copy
            keys = [(encodable(k) if isinstance(k, str) else k, v) for k, v in item.items()]
            for key, child in keys:
                copy[key] = None
                stack.append((child, copy, key))
        elif isinstance(item, list | tuple):
            items: list[Any] = [None] * len(item)
            parent[slot] = items
            stack.extend((child, items, i) for i, child in enumerate(item))
        else:
            parent[slot] = item
    return root[0]
