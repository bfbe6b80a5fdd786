"""JSON text indented by two spaces, as ``json.dumps(indent=2, ensure_ascii=False)``.

With ``indent`` set, the standard library leaves its C encoder and walks every value
in Python: on a long manuscript (75,000 citations, a 40 MB report) that walk was the
largest cost of the whole audit. The text is the same byte for byte -- tools read
the report -- so the indentation is kept, and only the way to it changes: the outer
levels are walked here, and each innermost container (a dict or list holding only
strings, numbers, booleans and nulls: a location, a fix, a citation's targets) is
written by the C encoder with the item separator of its depth. The C encoder cannot
indent a nested container, which is why the walk stops one level above the leaves.
"""

from __future__ import annotations

import json
from _json import make_encoder
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

__all__ = ["dumps"]

_INDENT = "  "
_SCALARS = frozenset({str, int, float, bool, type(None)})
_Encoder = Callable[[Any, int], Any]


class _Fallback(Exception):
    """A value this writer does not take on: the standard library writes the whole."""


def dumps(value: Any, end: str = "") -> str:
    """`value` as ``json.dumps(value, indent=2, ensure_ascii=False)`` writes it, then
    `end` (a report's final newline, added here rather than by copying the text)."""
    try:
        chunks: list[str] = []
        _write(value, 0, chunks, {})
        chunks.append(end)
        return "".join(chunks)
    except (_Fallback, RecursionError):
        return json.dumps(value, indent=2, ensure_ascii=False) + end


def _write(value: Any, depth: int, out: list[str], encoders: dict[int, _Encoder]) -> None:
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind in _SCALARS:
        out.append("".join(_leaf_encoder(depth, encoders)(value, 0)))
    elif kind is dict:
        if not value:
            out.append("{}")
        elif all(type(v) in _SCALARS for v in value.values()):
            out.append(_leaf(value, depth, encoders, "{", "}"))
        else:
            inner = "\n" + _INDENT * (depth + 1)
            separator = "," + inner
            out.append("{")
            for key, item in value.items():
                if type(key) is not str:
                    raise _Fallback  # keys of other types: as json.dumps converts them
                out.append(inner)
                inner = separator
                out.append(encode_basestring(key))
                out.append(": ")
                if type(item) is str:  # most values: no call
                    out.append(encode_basestring(item))
                else:
                    _write(item, depth + 1, out, encoders)
            out.append("\n" + _INDENT * depth + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
        elif all(type(v) in _SCALARS for v in value):
            out.append(_leaf(value, depth, encoders, "[", "]"))
        else:
            inner = "\n" + _INDENT * (depth + 1)
            separator = "," + inner
            out.append("[")
            for item in value:
                out.append(inner)
                inner = separator
                if depth > 1:
                    _write(item, depth + 1, out, encoders)
                    continue
                # A report's long lists: each item joined at once, so the text is not
                # held as millions of small strings (~60 bytes each) until the end.
                own: list[str] = []
                _write(item, depth + 1, own, encoders)
                out.append("".join(own))
            out.append("\n" + _INDENT * depth + "]")
    else:
        raise _Fallback  # subclasses, sets, objects: the standard library decides


def _leaf(value: Any, depth: int, encoders: dict[int, _Encoder], start: str, end: str) -> str:
    """A container of scalars: the C encoder writes it with this depth's separators."""
    text: str = "".join(_leaf_encoder(depth + 1, encoders)(value, 0))
    return start + "\n" + _INDENT * (depth + 1) + text[1:-1] + "\n" + _INDENT * depth + end


def _leaf_encoder(depth: int, encoders: dict[int, _Encoder]) -> _Encoder:
    encoder = encoders.get(depth)
    if encoder is None:
        encoder = _c_encoder(",\n" + _INDENT * depth)
        encoders[depth] = encoder
    return encoder


def _c_encoder(item_separator: str) -> _Encoder:
    """The standard library's own encoder for one depth, set as ``json.dumps`` sets it."""
    plain = json.JSONEncoder(ensure_ascii=False, indent=None)
    encoder: _Encoder = make_encoder(
        None,  # no circular check: a leaf holds no container
        plain.default,
        encode_basestring,
        None,
        ": ",
        item_separator,
        False,  # sort_keys
        False,  # skipkeys
        True,  # allow_nan
    )
    return encoder
