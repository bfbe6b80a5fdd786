"""The findings as CSV, for spreadsheets: one row per finding, with its entry as written.

Cells a spreadsheet would run as a formula are prefixed with an apostrophe, since
every cell's text comes from the user's files (OWASP "CSV injection"): a cell that
starts with =, +, -, @, tab, CR or LF, and also one whose first visible character is
one of those four behind spaces (some spreadsheets trim them when they import) or
written full-width (``＝``, which NFKC and some spreadsheets read as ``=``).

The file is comma-separated, but Excel opens a ``.csv`` with the system's list
separator -- ``;`` in German, French, Dutch or Brazilian locales -- and a tab-separated
import cuts at tabs: there ``x;=HYPERLINK(...);y`` inside one field is three cells,
the middle one a formula, and a line break inside the field starts a row. So a
formula character behind a ``;``, a tab or a line break (and any spaces or quote
after it) gets the apostrophe too.

A cell also shows its controls as the text report does (`printable`): ESC and the C1
controls (``curl`` of the download, ``cat findings.csv`` or ``column -s, -t``
obeyed an entry's ``ESC]8;;`` hyperlink or screen clear), bidi overrides (a cell
holding ``https://e.org/\\u202etxt.exe`` read in another order in the spreadsheet
too), and a CR that is not half of a CRLF (it returns a terminal to the line's
start). Line feeds and tabs stay: an entry written over two lines keeps them.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence

from citeaudit.model.finding import Finding
from citeaudit.model.reference import Reference
from citeaudit.report.printable import printable

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
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_FORMULA_CHARS = frozenset("=+-@")
# a CR that is not half of a CRLF: shown as ``\r`` (`_cell`)
_LONE_CR = re.compile(r"\r(?!\n)")
# a cell another locale's separator starts inside a field: ';', tab or a line break (a
# quote mid-cell is a plain character there, so a line break ends the row), then
# blanks or a quote, then a formula character (also full-width)
# The separator and its blanks are read once and taken whether or not a formula
# character follows (group 2, empty when none): as a lookahead that failed, the search
# went on from the next tab or line break of the same run and read the rest of it again
# (n^2 on a cell of tabs).
_INNER_FORMULA = re.compile('([;\t\r\n][\\s"]*+)([=+\\-@\uff1d\uff0b\uff0d\uff20]?)')


def _mark_inner(match: re.Match[str]) -> str:
    """The apostrophe before a formula character that opens an inner cell."""
    if not match.group(2):
        return match.group(0)
    return match.group(1) + "'" + match.group(2)


def _cell(value: object) -> str:
    """The cell's text, made inert when a spreadsheet could read it as a formula."""
    text = "" if value is None else str(value)
    text = printable(text, newlines=True)
    if "\r" in text:
        text = _LONE_CR.sub(r"\\r", text)
    if ";" in text or "\t" in text or "\n" in text or "\r" in text:
        text = _INNER_FORMULA.sub(_mark_inner, text)
    first = text.lstrip()[:1]
    if text.startswith(_FORMULA_START) or (
        first and unicodedata.normalize("NFKC", first)[:1] in _FORMULA_CHARS
    ):
        return "'" + text
    return text


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
