"""The JSON report: the stable machine-readable shape (see serialize.py)."""

from __future__ import annotations

from typing import TextIO

from citeaudit.audit_data import AuditResult
from citeaudit.encodable import encodable, encodable_data
from citeaudit.gc_threshold import fewer_collections
from citeaudit.report.interface import Reporter
from citeaudit.report.json_text import dump, dumps
from citeaudit.report.serialize import raw_dict


class JsonReporter(Reporter):
    format = "json"
    media_type = "application/json"
    extension = ".json"

    def render(self, result: AuditResult, *, color: bool = False) -> str:
        with fewer_collections():
            text = dumps(raw_dict(result), end="\n", clean=encodable_data)
            return encodable(text)  # a no-op scan: every piece was checked

    def write(self, result: AuditResult, stream: TextIO, *, color: bool = False) -> None:
        """The report to `stream` an item at a time: a 90 MB report is never one str
        (two bytes a character once one "…" is in it) on top of the audit."""
        with fewer_collections():
            dump(raw_dict(result), stream.write, end="\n", clean=encodable_data)
