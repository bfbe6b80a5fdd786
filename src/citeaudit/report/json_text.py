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
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring
from typing import Any

from citeaudit.encodable import unwritable_json

__all__ = ["dump", "dump_list", "dumps"]

_INDENT = "  "
_SCALARS = frozenset({str, int, float, bool, type(None)})
# Scalars whose JSON is their repr as the standard library writes it (floats are not:
# NaN and infinities).
_SIMPLE: dict[type, Callable[[Any], str]] = {
    int: int.__repr__,
    bool: lambda value: "true" if value else "false",
    type(None): lambda value: "null",
}
_OUTER = 2  # levels written piece by piece; deeper values are written whole (units)
_Encoder = Callable[[Any, int], Any]
Cleaner = Callable[[Any], Any]


class _Fallback(Exception):
    """A value this writer does not take on: the standard library writes it."""


def dumps(value: Any, end: str = "", clean: Cleaner | None = None) -> str:
    """`value` as ``json.dumps(value, indent=2, ensure_ascii=False)`` writes it, then
    `end` (a report's final newline, added here rather than by copying the text).

    `clean`, when given, rewrites any value whose text holds a lone surrogate or a
    NUL (see `dump`)."""
    pieces: list[str] = []
    dump(value, pieces.append, end=end, clean=clean)
    return "".join(pieces)


def dump(
    value: Any, write: Callable[[str], object], end: str = "", clean: Cleaner | None = None
) -> None:
    """`dumps`, handed to `write` a piece at a time: each item of the outer lists (a
    citation, a finding) as soon as it is made, so a report written to a file never
    exists whole in memory.

    With `clean` (`citeaudit.encodable.encodable_data`), a piece whose text may hold
    what no writer can encode is made again from its cleaned value: the same text as
    cleaning the whole report first, without copying every clean value.
    """
    _stream(value, 0, write, {}, clean)
    write(end)


def dump_list(items: Iterable[Any], depth: int, write: Callable[[str], object]) -> None:
    """A list of containers at `depth` as `dump` writes it inside a larger value, an
    item at a time from `items`: a report's tens of thousands of results never all
    exist as data, only as the text written so far. Each item is one piece handed to
    `write` (a surrogate pair or a string is never split between two pieces)."""
    encoders: dict[int, _Encoder] = {}
    inner = "\n" + _INDENT * (depth + 1)
    separator = "," + inner
    opened = False
    for item in items:
        if type(item) not in (dict, list, tuple) or not item:
            raise TypeError("dump_list writes non-empty containers only")
        write(("[" if not opened else "") + inner + _text(item, depth + 1, encoders))
        opened = True
        inner = separator
    write("\n" + _INDENT * depth + "]" if opened else "[]")


def _stream(
    value: Any,
    depth: int,
    write: Callable[[str], object],
    encoders: dict[int, _Encoder],
    clean: Cleaner | None,
) -> None:
    kind = type(value)
    if depth < _OUTER and kind is dict and _nested(value.values()):
        if not all(type(key) is str for key in value):
            write(_unit(value, depth, encoders, clean))  # keys json.dumps converts
            return
        inner = "\n" + _INDENT * (depth + 1)
        separator = "," + inner
        write("{")
        for key, item in value.items():
            write(inner)
            inner = separator
            write(_unit(key, depth + 1, encoders, clean))
            write(": ")
            _stream(item, depth + 1, write, encoders, clean)
        write("\n" + _INDENT * depth + "}")
    elif depth < _OUTER and (kind is list or kind is tuple) and _nested(value):
        inner = "\n" + _INDENT * (depth + 1)
        separator = "," + inner
        write("[")
        for item in value:
            write(inner)
            inner = separator
            _stream(item, depth + 1, write, encoders, clean)
        write("\n" + _INDENT * depth + "]")
    else:
        write(_unit(value, depth, encoders, clean))


def _nested(values: Any) -> bool:
    """Whether a non-empty container holds a container (else it is one leaf)."""
    return not _SCALARS.issuperset(map(type, values))


def _unit(value: Any, depth: int, encoders: dict[int, _Encoder], clean: Cleaner | None) -> str:
    text = _text(value, depth, encoders)
    if clean is not None and unwritable_json(text):  # rare: a surrogate or NUL
        text = _text(clean(value), depth, encoders)
    return text


def _text(value: Any, depth: int, encoders: dict[int, _Encoder]) -> str:
    """`value` written at `depth`: by this module, or else by the standard library,
    whose lines take the depth's indentation (JSON strings hold no raw newline)."""
    try:
        out: list[str] = []
        _write(value, depth, out, encoders)
        return "".join(out)
    except (_Fallback, RecursionError):
        text = json.dumps(value, indent=2, ensure_ascii=False)
        return text.replace("\n", "\n" + _INDENT * depth) if depth else text


def _write(value: Any, depth: int, out: list[str], encoders: dict[int, _Encoder]) -> None:
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind in _SIMPLE:
        out.append(_SIMPLE[kind](value))
    elif kind in _SCALARS:
        out.append("".join(_leaf_encoder(depth, encoders)(value, 0)))  # floats
    elif kind is dict:
        if not value:
            out.append("{}")
        elif _SCALARS.issuperset(map(type, value.values())):
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
        elif _SCALARS.issuperset(map(type, value)):
            out.append(_leaf(value, depth, encoders, "[", "]"))
        else:
            inner = "\n" + _INDENT * (depth + 1)
            separator = "," + inner
            out.append("[")
            for item in value:
                out.append(inner)
                inner = separator
                _write(item, depth + 1, out, encoders)
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
