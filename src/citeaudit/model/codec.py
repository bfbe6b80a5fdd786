"""The one codec: the audit's typed model to JSON-ready data and back.

The store, the link cache, the service's chunk results and the JSON report all keep
the same frozen dataclasses, so one pydantic `TypeAdapter` per type turns them into
dicts, lists, strings and numbers and back; the dataclasses' type hints are the
schema, and nothing is encoded by hand. A value round-trips exactly
(``from_data(T, to_data(x)) == x``); data written by an older version loads as long
as it only lacks fields that have defaults.

Written data is encodable: a lone surrogate or NUL from an input file becomes U+FFFD
(`citeaudit.encodable`), so neither PostgreSQL nor a UTF-8 writer refuses the whole
audit for one character.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from citeaudit.encodable import encodable_data

__all__ = ["ValidationError", "from_data", "from_json", "to_data", "to_json"]

T = TypeVar("T")


_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def _adapter(tp: Any) -> TypeAdapter[Any]:
    """One adapter a type: building one walks the type's hints (milliseconds), using it
    runs in pydantic-core. (A race builds one twice; either is right.)"""
    adapter = _ADAPTERS.get(tp)
    if adapter is None:
        adapter = _ADAPTERS[tp] = TypeAdapter(tp)
    return adapter


def to_data(value: object, tp: Any = None, *, clean: bool = True) -> Any:
    """`value` as JSON-ready data; `tp` when the declared type is not `type(value)`
    (a ``tuple[Finding, ...]``). `clean=False` skips the encodability pass, for writers
    that check their own text."""
    data = _adapter(type(value) if tp is None else tp).dump_python(value, mode="json")
    return encodable_data(data) if clean else data


def from_data(tp: type[T], data: Any) -> T:
    """The `tp` that `to_data` made `data` of; `ValidationError` when it is not one."""
    value: T = _adapter(tp).validate_python(data)
    return value


def to_json(value: object, tp: Any = None) -> str:
    """`value` as compact JSON text, always encodable."""
    return json.dumps(to_data(value, tp), ensure_ascii=False, separators=(",", ":"))


def from_json(tp: type[T], text: str | bytes) -> T:
    value: T = _adapter(tp).validate_json(text)
    return value
