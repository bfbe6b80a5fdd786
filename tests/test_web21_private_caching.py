"""web21: an account's audit is never kept in a cache, the browser's or a proxy's.

The editors' pages said ``Cache-Control: no-store``, but their downloads (the JSON,
HTML, SARIF and CSV reports, a fixed file) and every API answer said nothing: a
browser kept an audit's report -- a confidential manuscript's references -- on disk
after sign-out, for whoever used the machine next, and a shared cache in front of the
service could keep a cookie-authenticated download for the next visitor. Every answer
that does not state its own caching (the static stylesheet and script do) is
``no-store`` now, and says ``Referrer-Policy: no-referrer``: a link followed out of a
report served by the API does not name the audit's address.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.web.conftest import App
from tests.web.conftest import app as app  # the in-process web app, a fixture
from tests.web.helpers import upload, wait_done

MD = (
    "# A study\n\nAs shown (Smith, 2020).\n\n## References\n\n"
    "- Smith, J. (2020). A title. *Journal*, 1(1), 1-2. https://doi.org/10.1000/xyz..\n"
)


@pytest.fixture
def done(app: App) -> str:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, MD)
    assert wait_done(app.client, audit_id)["status"] == "done"
    return audit_id


def _private(answer: object, where: str) -> None:
    headers = answer.headers  # type: ignore[attr-defined]
    assert answer.status_code == 200, (where, answer.status_code)  # type: ignore[attr-defined]
    assert "no-store" in headers.get("cache-control", ""), (where, dict(headers))


def test_the_pages_downloads_are_not_stored(app: App, done: str) -> None:
    for fmt in ("json", "html", "sarif", "csv"):
        _private(app.client.get(f"/web/audits/{done}/download/{fmt}"), fmt)
    _private(app.client.get(f"/web/audits/{done}/fixed/{quote('paper.md')}"), "fixed")


def test_the_apis_answers_are_not_stored(app: App, done: str) -> None:
    auth = {"Authorization": f"Bearer {app.tokens['a']}"}
    paths = [
        "/api/v1/audits",
        f"/api/v1/audits/{done}",
        f"/api/v1/audits/{done}/findings",
        *(f"/api/v1/audits/{done}/report?format={f}" for f in ("json", "html", "sarif", "text")),
    ]
    for path in paths:
        answer = app.client.get(path, headers=auth)
        _private(answer, path)
        assert answer.headers.get("referrer-policy") == "no-referrer", path


def test_the_static_files_keep_their_own_caching(app: App) -> None:
    answer = app.client.get("/web/static/style.css")
    assert answer.headers["cache-control"] == "max-age=300"
