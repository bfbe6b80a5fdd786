"""The JSON report: the stable machine-readable shape (see serialize.py)."""

from __future__ import annotations

from citeaudit.audit_data import AuditResult
from citeaudit.encodable import encodable, encodable_data, unwritable_json
from citeaudit.gc_threshold import fewer_collections
from citeaudit.report.interface import Reporter
from citeaudit.report.json_text import dumps
from citeaudit.report.serialize import raw_dict


class JsonReporter(Reporter):
    format = "json"
    media_type = "application/json"
    extension = ".json"

    def render(self, result: AuditResult, *, color: bool = False) -> str:
        with fewer_collections():
            data = raw_dict(result)
            text = dumps(data, end="\n")
            if unwritable_json(text):  # rare: a surrogate or NUL from an input file
                text = dumps(encodable_data(data), end="\n")
            return encodable(text)
