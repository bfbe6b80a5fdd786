"""Red team out30: a bidi override quoted in a finding's sentence turns the sentence.

The HTML report and the editors' page wrote an entry's U+202E as ``&#x202e;``, which a
browser obeys, and relied on the page's style (``unicode-bidi: isolate`` on spans) to
keep it inside the entry's text. But a finding's message is one text: the rule's
sentence with the entry's label, a title or a file name quoted in it. An entry whose
author is ``Doe\\u202e`` (no closing U+202C) made the browser draw the rest of "Doe (2020)
[k1] is in refs.bib but never cited (...)" right to left; a bibliography named
``r\\u202e.bib`` did the same to every sentence naming it. The text report, the CSV and
the e-mails show the override as ``\\u202e``; the pages now do too (out30-1.diff:
`printable.html_controls_escaped`).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from citeaudit.cli import main
from tests.web.conftest import App
from tests.web.conftest import app as app  # the in-process web app, a fixture
from tests.web.helpers import upload, wait_done

# embeddings, overrides and isolates: what makes a browser reorder the words after them
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
BIB = (
    "@article{k1,\n  author = {Doe\u202e, Jane},\n  title = {A \u2067title},\n"
    "  journal = {J},\n  year = {2020},\n}\n"
)
PAPER = "# T\n\nNothing cited here.\n"


def _obeyed(page: str) -> list[str]:
    text = html.unescape(page)  # what the browser reads
    return [repr(text[max(0, m.start() - 30) : m.end() + 30]) for m in BIDI.finditer(text)]


def test_the_html_report_shows_overrides_in_sentences(tmp_path: Path) -> None:
    bib = tmp_path / "r\u202e.bib"
    bib.write_text(BIB, encoding="utf-8")
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    out = tmp_path / "report.html"
    main(["check", str(tmp_path / "paper.md"), "--bib", str(bib), "--offline",
          "--format", "html", "-o", str(out)])  # fmt: skip
    page = out.read_text(encoding="utf-8")
    assert "never cited" in page
    assert _obeyed(page) == []
    assert "Doe\\u202e" in page and "r\\u202e.bib" in page  # shown, not obeyed


def test_the_editors_page_shows_overrides_in_sentences(app: App) -> None:
    audit_id = upload(app.client, app.sign_in("a"), PAPER, bibliography=BIB)
    assert wait_done(app.client, audit_id)["status"] == "done"
    page = app.client.get(f"/web/audits/{audit_id}")
    assert "never cited" in page.text
    assert _obeyed(page.text) == []
    report = app.client.get(f"/web/audits/{audit_id}/download/html").text
    assert _obeyed(report) == []
