"""Red team: a formula behind another locale's separator in the CSV download.

Excel opens a ``.csv`` with the system's list separator: ``;`` in German, French,
Dutch, Brazilian... locales, the readers most of the editors may have. The download
is comma-separated, so a finding message holding ``x;=HYPERLINK(...);y`` is one
field to a comma reader but three cells to Excel there, the middle one a formula
(the existing check looks only at the start of a field). Tab-separated imports cut
at a tab the same way. Every cell, cut by any of these separators, stays text.
"""

from __future__ import annotations

import csv
import io

import pytest

from citeaudit.model import Finding, Fix, Location, Reference, Severity
from citeaudit.web.export import findings_csv

FORMULA = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
PAYLOADS = (
    "x;=HYPERLINK(CONCAT(CHAR(104),CHAR(116)),CHAR(120));y",
    "x; =1+1;y",
    "x;\u00a0@SUM(1);y",
    "x\t=cmd|' /C calc'!A0\ty",
    "x;\uff1d1+1",
    "x;+1;-1;@1",
    'x;=HYPERLINK("https://evil.example","c");y',
    # a quote mid-cell is a plain character there, so a line break ends the row
    "x\n=HYPERLINK(CONCAT(CHAR(104),CHAR(116)),CHAR(120))",
    "x\r\n @SUM(1)",
)


def _rows(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_no_cell_is_a_formula_whatever_the_separator(payload: str, delimiter: str) -> None:
    found = (
        Finding(
            "r",
            "X1",
            Severity.INFO,
            payload,
            Location(f"{payload}.md", 1),
            reference="h",
            url=payload,
            fix=Fix(payload, payload),
        ),
    )
    refs = (Reference(id="h", index=1, location=Location("r.bib", 1), raw=payload),)
    text = findings_csv(found, refs)
    for row in _rows(text, delimiter)[1:]:
        for cell in row:
            opening = cell.lstrip(' \u00a0"')
            assert not opening.startswith(FORMULA), (delimiter, cell)
    # a comma reader still gets the text, with at most an apostrophe added
    message = _rows(text, ",")[1][3]
    assert message.replace("'", "") == payload.replace("'", "")
