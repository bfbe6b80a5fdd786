"""Text that every writer can encode: no lone surrogates, no NUL characters.

A Python string may hold a lone UTF-16 surrogate (CSL-JSON's ``"\\ud800"`` escape
decodes to one) and a NUL (``"\\u0000"``); neither can be written as UTF-8, and
PostgreSQL refuses both in text and JSON. One such character in one entry must not
make a report, or the service's stored audit, fail as a whole: readers clean what
they decode, and every writer cleans what it writes, each with U+FFFD so the reader
of the report sees that something was there.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["REPLACEMENT", "encodable", "encodable_data", "unwritable_json"]

REPLACEMENT = "\ufffd"
_CHUNK = 1 << 20  # characters encoded at a time to look for a surrogate
_PROBE = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def encodable(text: str) -> str:
    """`text` with each NUL and lone surrogate replaced by U+FFFD.

    A high and low surrogate that stand next to each other are one character split
    in two (``surrogatepass`` decoding leaves them so): they are joined, not replaced.
    """
    surrogate = _has_surrogate(text)
    if not surrogate and "\x00" not in text:
        return text  # the common case: linear C scans, no copy
    if surrogate:
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text.replace("\x00", REPLACEMENT)


def unwritable_json(text: str) -> bool:
    """Whether JSON text written from data may hold a string that needs cleaning.

    Writers that produce JSON text check their text with this (one C scan) and clean
    the data only when it says so, instead of copying every value of a large report.
    """
    # JSON text (ensure_ascii off) keeps a surrogate as it is and writes a NUL as its
    # escape; a string holding a backslash and "u0000" counts too, which only costs
    # the slow path.
    return "\\u0000" in text or _has_surrogate(text)


def _has_surrogate(text: str) -> bool:
    """Whether `text` holds a lone surrogate (a pair in a str is one character).

    UTF-8 encoding is the fastest C scan for them (a regex class over the surrogate
    range took ten times as long on a 40 MB report); a chunk at a time keeps the
    copy small.
    """
    if text.isascii():
        return False
    for start in range(0, len(text), _CHUNK):
        try:
            text[start : start + _CHUNK].encode("utf-8")
        except UnicodeEncodeError:
            return True
    return False


def encodable_data(value: Any) -> Any:
    """Every string in JSON-like data (dicts, lists, tuples), keys too, made encodable.

    Iterative rather than recursive, so data nested deeper than Python's recursion
    limit is cleaned too. Data with nothing to clean (the C JSON encoder writes it,
    and its text holds no surrogate and no NUL) comes back as it is when it is made
    of dicts and lists only: the copy was most of the time of a large report.
    """
    if isinstance(value, str):
        return encodable(value)
    if not isinstance(value, dict | list | tuple):
        return value
    if _clean_plain(value):
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


def _clean_plain(value: dict[Any, Any] | list[Any] | tuple[Any, ...]) -> bool:
    """Whether `value` needs no copy: JSON-writable, nothing to clean, no tuple in it.

    Tuples make the answer no (the copy turns them into lists, and callers may rely
    on that); so do values the JSON encoder refuses, which the copy keeps as they are.
    """
    try:
        text = _PROBE.encode(value)
    except (TypeError, ValueError, RecursionError, OverflowError):
        return False
    if unwritable_json(text):
        return False
    return not _holds_tuple(value)


def _holds_tuple(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is dict:
            stack.extend(v for v in item.values() if type(v) is not str)
        elif kind is list:
            stack.extend(v for v in item if type(v) is not str)
        elif kind is not str and isinstance(item, dict | list | tuple):
            return True  # a tuple, or a subclass the copy turns into a plain dict or list
    return False
