"""A reference list written as prose in a manuscript (Markdown, text, LaTeX).

The year is the one written in brackets after the authors (APA, Harvard), or else
the only time the year appears in the entry outside its links; a DOI is appended
at the end as a resolver link, as APA 7 and most styles write it.
"""

from __future__ import annotations

import re
from typing import ClassVar

from citeaudit.fix.editors.interface import CannotFix, EntryEditor

_SHOWN_DOI = re.compile(r"(?i)doi\.org/|\bdoi:")
_LINKS = re.compile(r"(?i)(?:https?://|doi:\s*|\b10\.\d{4,}/)\S+")


class FreetextEditor(EntryEditor):
    format: ClassVar[str] = "freetext"

    def set_year(self, entry: str, old: int, new: str) -> str:
        links = [m.span() for m in _LINKS.finditer(entry)]
        found = [
            m
            for m in re.finditer(rf"(?<![\d/.]){old}(?!\d)", entry)
            if not any(a <= m.start() < b for a, b in links)
        ]
        bracketed = [m for m in found if entry[: m.start()].rstrip().endswith("(")]
        chosen = bracketed if len(bracketed) == 1 else found
        if len(chosen) != 1:
            raise CannotFix(
                f"the year {old} is written {len(found)} times in the entry; "
                "which one is the entry's date is not certain"
            )
        match = chosen[0]
        return entry[: match.start()] + new + entry[match.end() :]

    def add_doi(self, entry: str, doi: str) -> str:
        body = entry.rstrip()
        if not body:
            raise CannotFix("the entry is empty")
        if _SHOWN_DOI.search(body):  # one written wrongly: a second would leave it there
            raise CannotFix("the entry already shows a DOI that could not be read; correct it")
        return body + f" https://doi.org/{doi}" + entry[len(body) :]
