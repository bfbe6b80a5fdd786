"""Hostile entry text is shown as text: in the page, the marks, the links and the CSV."""

from __future__ import annotations

import csv
import io

from tests.web.conftest import App
from tests.web.helpers import upload, wait_done


def test_hostile_entries_are_escaped(app: App) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf)
    assert wait_done(app.client, audit_id)["status"] == "done"
    page = app.client.get(f"/web/audits/{audit_id}")
    html = page.text
    assert page.status_code == 200
    assert "Evil" in html and "Other" in html  # the entries are shown
    assert '<script>alert("x")</script>' not in html
    # a <script> element in Markdown is hidden HTML: blanked by the reader, its text
    # shown in no form (manuscript/html_hidden.py)
    assert 'alert("x")' not in html and "alert(&#34;x&#34;)" not in html
    assert "alert(&quot;x&quot;)" not in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<b>bold</b>" not in html
    assert 'href="javascript:' not in html.lower()
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


def test_csv_cells_never_run_as_formulas(app: App) -> None:
    csrf = app.sign_in("a")
    text = (
        "# T\n\nText (Sum, 2020).\n\n## References\n\n"
        "- Sum, S. (2020). Fine. Press.\n"
        '- =HYPERLINK("http://evil.example","x"), A. (2019). Never cited. Press.\n'
    )
    audit_id = upload(app.client, csrf, text)
    wait_done(app.client, audit_id)
    response = app.client.get(f"/web/audits/{audit_id}/download/csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert rows and {"severity", "code", "message", "reference"} <= set(rows[0])
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    assert any(r["reference"].startswith("'- =HYPERLINK") for r in rows)


def test_downloads_of_html_reports_are_sandboxed(app: App) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf)
    wait_done(app.client, audit_id)
    response = app.client.get(f"/web/audits/{audit_id}/download/html")
    assert response.status_code == 200
    assert "sandbox" in response.headers["content-security-policy"]
    assert "attachment" in response.headers["content-disposition"]
