"""The JSON report: the stable machine-readable shape (see serialize.py)."""

from __future__ import annotations

from typing import TextIO

from citeaudit.audit_data import AuditResult
from citeaudit.encodable import encodable, encodable_data
from citeaudit.gc_threshold import fewer_collections
from citeaudit.report.interface import Reporter
from citeaudit.report.json_text import dump, dumps
from citeaudit.report.printable import json_controls_escaped
from citeaudit.report.serialize import raw_dict


class JsonReporter(Reporter):
    format = "json"
    media_type = "application/json"
    extension = ".json"

    def render(self, result: AuditResult, *, color: bool = False) -> str:
        with fewer_collections():
            text = dumps(raw_dict(result), end="\n", clean=encodable_data)
            # C1 controls and bidi overrides as \u escapes: printed, the report moves
            # no cursor (`json_controls_escaped`); a no-op scan for `encodable`
            return encodable(json_controls_escaped(text))

    def write(self, result: AuditResult, stream: TextIO, *, color: bool = False) -> None:
        """The report to `stream` an item at a time: a 90 MB report is never one str
        (two bytes a character once one "…" is in it) on top of the audit."""
        with fewer_collections():
            write = stream.write
            dump(
                raw_dict(result),
                lambda piece: write(json_controls_escaped(piece)),
                end="\n",
                clean=encodable_data,
            )
