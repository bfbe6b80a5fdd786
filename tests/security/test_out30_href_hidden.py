"""Red team out30: a link's address on a page holds no control or bidi override.

An entry's URL may hold ESC, a C1 control or U+202E (``https://ok.example/\\u202egpj.exe``).
The link's text shows them (numeric references, an isolated span), but the ``href``
attribute carried them too, as ``&#x202e;``/``&#x1b;``: the one place of the page
where they cannot be shown as text without changing where the link goes, and where
a tool reading attributes (a link extractor, a mail client's preview of the saved
page, ``grep -o 'href="[^"]*"'`` in a terminal) meets them raw. `safe_href` now
%-encodes them -- what a browser's URL parser does to them in a path, so the link goes
where it went. Checked through the real CLI's HTML report and the editors' page.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from citeaudit.cli import main
from citeaudit.report.href import safe_href
from tests.web.conftest import App
from tests.web.conftest import app as app  # the in-process web app, a fixture
from tests.web.helpers import upload, wait_done

HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
NUMERIC = re.compile(r"&#(?:x[0-9a-f]+|[0-9]+);", re.IGNORECASE)
HREF = re.compile(r'\bhref="([^"]*)"')
URL = "https://ok.example/\u202egpj.exe\x1b]8;;https://evil.example/\x1b\\x\x9b31m"
ENCODED = "https://ok.example/%E2%80%AEgpj.exe%1B]8;;https://evil.example/%1B\\x%C2%9B31m"
BIB = (
    "@misc{k1,\n  author = {Doe, Jane},\n  title = {T},\n  year = {2020},\n  url = {"
    + URL
    + "},\n}\n"
)


def _hidden_in_hrefs(page: str) -> list[str]:
    # numeric references looked at whole: html.unescape drops those of C0 and C1 controls
    return [repr(h) for h in HREF.findall(page) if HIDDEN.search(h) or NUMERIC.search(h)]


def test_the_html_report_links_without_hidden_characters(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "paper.md").write_text("# T\n\nAs [@k1].\n", encoding="utf-8")
    out = tmp_path / "report.html"
    main(["check", str(tmp_path / "paper.md"), "--bib", str(tmp_path / "refs.bib"),
          "--offline", "--format", "html", "-o", str(out)])  # fmt: skip
    page = out.read_text(encoding="utf-8")
    assert _hidden_in_hrefs(page) == []
    assert f'href="{html.escape(ENCODED)}"' in page  # still a link, to the same place
    # its text still shows what was written (a reference, or an escape once out30-1 is in)
    assert "&#x202e;gpj.exe" in page or "\\u202egpj.exe" in page


def test_the_editors_page_links_without_hidden_characters(app: App) -> None:
    audit_id = upload(app.client, app.sign_in("a"), "# T\n\nAs [@k1].\n", bibliography=BIB)
    assert wait_done(app.client, audit_id)["status"] == "done"
    page = app.client.get(f"/web/audits/{audit_id}").text
    assert 'href="https://ok.example/' in page  # the entry's address is a link
    assert _hidden_in_hrefs(page) == []


def test_plain_addresses_are_returned_as_written() -> None:
    for url in ("https://doi.org/10.1/x", "https://a.example/p?q=é#f", "http://b.example/"):
        assert safe_href(url) == url
    assert safe_href("https://a.example/\u2028x\x85") == "https://a.example/%E2%80%A8x%C2%85"
