"""The findings as CSV, for spreadsheets: one row per finding, with its entry as written.

Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) are
prefixed with an apostrophe, since every cell's text comes from the user's files.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

COLUMNS = (
    "severity",
    "code",
    "rule",
    "message",
    "file",
    "line",
    "reference_id",
    "reference",
    "url",
    "fix",
    "replacement",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def findings_csv(
    findings: Sequence[Mapping[str, Any]], references: Sequence[Mapping[str, Any]] = ()
) -> str:
    raw = {str(r["id"]): str(r.get("raw") or "") for r in references}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for f in findings:
        location = f.get("location") or {}
        fix = f.get("fix") or {}
        ref_id = f.get("reference")
        writer.writerow(
            [
                _cell(v)
                for v in (
                    f.get("severity"),
                    f.get("code"),
                    f.get("rule"),
                    f.get("message"),
                    location.get("file"),
                    location.get("line"),
                    ref_id,
                    raw.get(str(ref_id), "") if ref_id else "",
                    f.get("url"),
                    fix.get("title"),
                    fix.get("replacement"),
                )
            ]
        )
    return "\ufeff" + out.getvalue()  # the BOM makes spreadsheets read it as UTF-8
