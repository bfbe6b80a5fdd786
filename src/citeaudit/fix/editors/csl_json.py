"""CSL-JSON items, edited as text so the file's indentation and key order survive.

The year lives in ``issued.date-parts``; a DOI is added as the item's last property,
indented like its first one (or on the same line for a one-line item).
"""

from __future__ import annotations

import json
import re
from typing import ClassVar

from citeaudit.fix.editors.interface import CannotFix, EntryEditor

_ISSUED = re.compile(r'"issued"\s*:\s*\{\s*"date-parts"\s*:\s*\[\s*\[\s*("?)(\d{1,4})\1')


class CslJsonEditor(EntryEditor):
    format: ClassVar[str] = "csl-json"

    def set_year(self, entry: str, old: int, new: str) -> str:
        found = list(_ISSUED.finditer(entry))
        if len(found) != 1 or found[0].group(2) != str(old):
            raise CannotFix(f"the item's issued date-parts do not give the year {old} once")
        start, end = found[0].span(2)
        return entry[:start] + new + entry[end:]

    def add_doi(self, entry: str, doi: str) -> str:
        close = len(entry.rstrip())
        if close == 0 or entry[close - 1] != "}":
            raise CannotFix("the item does not end with its closing brace")
        close -= 1
        if re.search(r'"DOI"\s*:', entry):
            raise CannotFix("the item already has a DOI property")
        body = entry[:close].rstrip()
        gap = entry[len(body) : close]
        first = re.search(r'\n([ \t]*)"', entry)
        lead = "\n" + first.group(1) if first else " "
        sep = "" if body.endswith("{") else ","
        return body + f'{sep}{lead}"DOI": {json.dumps(doi)}' + gap + entry[close:]
