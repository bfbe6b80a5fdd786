"""The entry editor extension point: edits to one entry's text, in its own syntax.

Each method takes the entry exactly as written in the file and returns it edited;
what it cannot do without guessing raises `CannotFix` with the reason, and the
entry is then left alone.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from typing import ClassVar


class CannotFix(Exception):
    """The edit cannot be made safely in this entry; the message says why."""


# An occurrence ends where the URL or DOI does: not before more URL characters.
CONTINUES = r"(?![A-Za-z0-9/_%~?#=&+-]|\.[A-Za-z0-9])"


class EntryEditor(ABC):
    format: ClassVar[str]

    def replace_text(self, entry: str, old: str, new: str) -> str:
        """Every whole occurrence of `old` (a URL or DOI as written) becomes `new`."""
        pattern = re.compile(re.escape(old) + CONTINUES)
        edited, count = pattern.subn(lambda _: new, entry)
        if not count:
            raise CannotFix(f"'{old}' is not written in the entry as the finding gives it")
        return edited

    @abstractmethod
    def set_year(self, entry: str, old: int, new: str) -> str: ...

    @abstractmethod
    def add_doi(self, entry: str, doi: str) -> str: ...

    def carry_fields(self, entry: str, repeat: str) -> str:
        """`entry` with the fields only `repeat` has; formats without fields keep it."""
        return entry


def replace_year_in(value: str, old: int, new: str) -> str | None:
    """`value` with its one year `old` replaced, or None when it is not there once."""
    found = list(re.finditer(rf"(?<!\d){old}(?!\d)", value))
    if len(found) != 1:
        return None
    match = found[0]
    return value[: match.start()] + new + value[match.end() :]
