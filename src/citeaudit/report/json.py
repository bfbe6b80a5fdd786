"""The JSON report: the stable machine-readable shape (see serialize.py)."""

from __future__ import annotations

import json

from citeaudit.audit_data import AuditResult
from citeaudit.encodable import encodable
from citeaudit.report.interface import Reporter
from citeaudit.report.serialize import to_dict


class JsonReporter(Reporter):
    format = "json"
    media_type = "application/json"
    extension = ".json"

    def render(self, result: AuditResult, *, color: bool = False) -> str:
        return encodable(json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n")
