"""Rewriting the temporary paths an audit was read from into the names uploaded.

The core reads files from disk and records where everything came from; the service
reads uploads from a scratch directory, so every recorded path and message is
rewritten to the uploaded name -- the same names `citeaudit check` shows when run
next to the files. The audit goes through the model's codec and back, so every
string of every field is reached without a walker of our own.
"""

from __future__ import annotations

from typing import Any, TypeVar

from citeaudit.model.codec import from_data, to_data

T = TypeVar("T")


def relocate(value: T, prefix: str, *, anywhere: bool = True) -> T:
    """`value` with `prefix` removed from every string inside it.

    `anywhere` False: only from strings that start with it (paths, not messages) -- the
    CLI's ``--confine`` reads absolute paths under the working folder, and a message
    quoting an absolute name the manuscript wrote must keep it as written.
    """
    return from_data(type(value), _strip(to_data(value, clean=False), prefix, anywhere))


def _cut(text: str, prefix: str, anywhere: bool) -> str:
    if anywhere:
        return text.replace(prefix, "")
    return text[len(prefix) :] if text.startswith(prefix) else text


def _strip(data: Any, prefix: str, anywhere: bool = True) -> Any:
    """JSON-ready `data` with `prefix` removed from its strings (dict keys too)."""
    stack: list[Any] = [data]
    while stack:  # iterative: nesting is bounded by the model, not by the input
        item = stack.pop()
        pairs = item.items() if isinstance(item, dict) else enumerate(item)
        renamed: dict[str, str] = {}
        for slot, child in list(pairs):
            if isinstance(child, str):
                if prefix in child:
                    item[slot] = _cut(child, prefix, anywhere)
            elif isinstance(child, dict | list):
                stack.append(child)
            if isinstance(item, dict) and prefix in slot:
                renamed[slot] = _cut(slot, prefix, anywhere)
        for old, new in renamed.items():
            item[new] = item.pop(old)
    return data if not isinstance(data, str) else _cut(data, prefix, anywhere)
