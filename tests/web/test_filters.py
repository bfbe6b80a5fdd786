"""Filters work without JavaScript: plain query parameters, unknown values ignored."""

from __future__ import annotations

from tests.web.conftest import App
from tests.web.helpers import upload, wait_done


def test_filters_by_query_parameters(app: App) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf)
    wait_done(app.client, audit_id)
    url = f"/web/audits/{audit_id}"
    everything = app.client.get(url).text
    assert "CIT001" in everything and "Other, 2019" in everything
    warnings = app.client.get(url, params={"severity": "warning"}).text
    assert "Other, 2019" in warnings and 'class="badge badge-error"' not in warnings
    errors = app.client.get(url, params={"severity": "error"}).text
    assert ">CIT001</span>" in everything and ">CIT001</span>" not in errors
    by_rule = app.client.get(url, params={"rule": "uncited-reference"}).text
    assert "Other, 2019" in by_rule and "kind uncited-reference" in by_rule
    ignored = app.client.get(url, params={"severity": "<x>", "rule": "nope"})
    assert (
        ignored.status_code == 200 and "Showing" in ignored.text and "&lt;x&gt;" not in ignored.text
    )
    assert '<option value="CIT001" selected>' in app.client.get(url, params={"rule": "CIT001"}).text
