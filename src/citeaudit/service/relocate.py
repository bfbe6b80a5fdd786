"""Rewriting the temporary paths an audit was read from into the names uploaded.

The core reads files from disk and records where everything came from; the service
reads uploads from a scratch directory, so every recorded path and message is
rewritten to the uploaded name -- the same names `citeaudit check` shows when run
next to the files.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any


def relocate(value: Any, prefix: str) -> Any:
    """`value` with `prefix` removed from every string inside it (shared where unchanged)."""
    if isinstance(value, str):
        return value.replace(prefix, "") if prefix in value else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in dataclasses.fields(value):
            if not field.init:
                continue
            old = getattr(value, field.name)
            new = relocate(old, prefix)
            if new is not old:
                changes[field.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, tuple):
        items = tuple(relocate(v, prefix) for v in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, Mapping):
        pairs = {relocate(k, prefix): relocate(v, prefix) for k, v in value.items()}
        return pairs
    return value
