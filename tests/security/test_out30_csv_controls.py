"""Red team out30: the findings CSV shows what a terminal obeys as text.

The web page, the HTML report and every text format show an entry's ESC, C1 controls
and bidi overrides as escapes or numeric references; the CSV download (``curl`` of
``/web/audits/<id>/download/csv``, ``cat findings.csv``) wrote them raw: an entry's
``ESC]8;;`` hyperlink and ``ESC[2J`` were obeyed by the terminal, U+009B is a CSI of
its own, and U+202E reordered the cell in the spreadsheet as well. The upload passes
the service's text check (ESC, C1 and bidi characters are text to it).
"""

from __future__ import annotations

import csv
import io
import re

from citeaudit.model import Finding, Fix, Location, Reference, Severity
from citeaudit.web.export import findings_csv
from tests.web.conftest import App
from tests.web.conftest import app as app  # the in-process web app, a fixture
from tests.web.helpers import upload, wait_done

# what a terminal obeys or a viewer reorders; tab and line feed are text
OBEYED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
HOSTILE = "\x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\ \x1b[2J\x9b31m \u202eevil\u202c"
BIB = (
    "@article{k1,\n  author = {Doe, Jane},\n  title = {T " + HOSTILE + "},\n"
    "  year = {2020},\n  url = {https://ok.example/" + HOSTILE + "},\n}\n"
)
PAPER = "# A study\n\nAs shown [@k2]." + HOSTILE + "\n"


def _rows(body: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))


def _obeyed(body: str) -> str | None:
    found = OBEYED.search(body.replace("\r\n", "\n"))  # the rows' own line ends are CSV's
    return None if found is None else repr(body[max(0, found.start() - 30) : found.end() + 30])


def test_csv_download_of_a_hostile_upload_holds_nothing_a_terminal_obeys(app: App) -> None:
    audit_id = upload(app.client, app.sign_in("a"), PAPER, bibliography=BIB)
    assert wait_done(app.client, audit_id)["status"] == "done"
    body = app.client.get(f"/web/audits/{audit_id}/download/csv").text
    assert _obeyed(body) is None, _obeyed(body)
    cells = "\n".join(c for row in _rows(body) for c in row)
    assert "\\x1b]8;;https://evil.example/" in cells and "\\u202eevil" in cells  # shown


def test_csv_cells_show_controls_keep_lines_and_stay_inert() -> None:
    entry = Reference(id="r", index=1, location=Location("refs.bib", 1), raw="a\r\nb\tc\rd")
    found = Finding(
        "r",
        "X001",
        Severity.ERROR,
        f"m {HOSTILE}\u2028x\x85",
        Location("p\x1b[2J.md", 3),
        reference="r",
        fix=Fix("\r=cmd|' /C calc'!A0", "\x9b=1+1"),
    )
    body = findings_csv([found], [entry])
    assert _obeyed(body) is None, _obeyed(body)
    row = _rows(body)[1]
    assert row[3] == (
        "m \\x1b]8;;https://evil.example/\\x1b\\here\\x1b]8;;\\x1b\\ \\x1b[2J\\x9b31m "
        "\\u202eevil\\u202c\\u2028x\\x85"
    )
    assert row[4] == "p\\x1b[2J.md"
    assert row[7] == "a\r\nb\tc\\rd"  # a CRLF is a line break; a lone CR is shown
    assert row[9] == "\\r=cmd|' /C calc'!A0"  # shown, and no longer a formula's start
    assert row[10] == "\\x9b=1+1"


def test_plain_cells_are_unchanged() -> None:
    text = "Ağaoğlu, عربي \u200f; two\nlines"
    found = Finding("r", "X001", Severity.WARNING, text, Location("p.md", 1))
    assert _rows(findings_csv([found]))[1][3] == text
