"""The findings as CSV, for spreadsheets: one row per finding, with its entry as written.

Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) are
prefixed with an apostrophe, since every cell's text comes from the user's files.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from citeaudit.model.finding import Finding
from citeaudit.model.reference import Reference

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


def findings_csv(findings: Sequence[Finding], references: Sequence[Reference] = ()) -> str:
    raw = {r.id: r.raw for r in references}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for f in findings:
        fix = f.fix
        writer.writerow(
            [
                _cell(v)
                for v in (
                    f.severity.value,
                    f.code,
                    f.rule,
                    f.message,
                    f.location.file,
                    f.location.line,
                    f.reference,
                    raw.get(f.reference, "") if f.reference else "",
                    f.url,
                    fix.title if fix else None,
                    fix.replacement if fix else None,
                )
            ]
        )
    return "\ufeff" + out.getvalue()  # the BOM makes spreadsheets read it as UTF-8
