"""RIS records: a tag per line, so an edit is one line changed or added before ER."""

from __future__ import annotations

import re
from typing import ClassVar

from citeaudit.fix.editors.interface import CannotFix, EntryEditor, replace_year_in

_DATE_LINE = re.compile(r"(?m)^(?:PY|Y1|DA)  - ?(.*)$")
_END = re.compile(r"(?m)^ER  -")
_TAG = re.compile(r"(?m)^[A-Z][A-Z0-9]  - ?")


class RisEditor(EntryEditor):
    format: ClassVar[str] = "ris"

    def set_year(self, entry: str, old: int, new: str) -> str:
        pieces: list[str] = []
        last = 0
        for line in _DATE_LINE.finditer(entry):
            edited = replace_year_in(line.group(1), old, new)
            if edited is None:
                continue
            pieces += [entry[last : line.start(1)], edited]
            last = line.end(1)
        if not pieces:
            raise CannotFix(f"no PY, Y1 or DA line gives the year {old}")
        return "".join(pieces) + entry[last:]

    def add_doi(self, entry: str, doi: str) -> str:
        if re.search(r"(?m)^DO  -", entry):
            raise CannotFix("the record already has a DO line")
        end = _END.search(entry)
        if end is None:
            raise CannotFix("the record has no 'ER  -' end tag to add the DO line before")
        tag = _TAG.search(entry)
        spacing = tag.group(0)[2:] if tag else "  - "
        return entry[: end.start()] + f"DO{spacing}{doi}\n" + entry[end.start() :]
