"""Red team: an upload's text served back by the API must not run at the service's origin.

A hostile author's titles, file names and addresses reach the API's answers: the
HTML report (``/report?format=html``), the watch changes as HTML, the JSON of the
findings. An editor who opens such an address in the browser they are signed in with
would run whatever the page held with the origin of the editors' pages (session
cookie, CSRF tokens) if a single field slipped its escaping. Each answer is therefore
a sandbox (no script, no form, no framing) and never sniffed as another type; the
editors' pages keep their own, stricter policy.
"""

from __future__ import annotations

import httpx
import pytest

from tests.security.test_injection import HOSTILE_UPLOAD
from tests.web.conftest import App
from tests.web.conftest import app as app  # the in-process web app, a fixture
from tests.web.helpers import upload, wait_done


def _sandboxed(headers: httpx.Headers, what: str) -> None:
    assert headers.get("x-content-type-options") == "nosniff", what
    policy = headers.get("content-security-policy") or ""
    directives = [d.strip() for d in policy.split(";")]
    assert "sandbox" in directives, (what, policy)
    assert "default-src 'none'" in directives, (what, policy)
    assert "frame-ancestors 'none'" in directives, (what, policy)
    assert "script-src" not in policy, (what, policy)


@pytest.mark.parametrize(
    "path",
    [
        "/report?format=html",
        "/report?format=text",
        "/report?format=json",
        "/report?format=sarif",
        "/findings",
        "",
        "/changes?format=html",
        "/fixed/paper.md",
    ],
)
def test_api_answers_holding_upload_text_are_sandboxed(app: App, path: str) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, HOSTILE_UPLOAD, name="paper.md")
    assert wait_done(app.client, audit_id)["status"] == "done"
    bearer = {"Authorization": f"Bearer {app.tokens['a']}"}
    if path.startswith("/changes"):
        assert app.client.post(f"/api/v1/audits/{audit_id}/watch", headers=bearer).is_success
    answer = app.client.get(f"/api/v1/audits/{audit_id}{path}", headers=bearer)
    assert answer.status_code in (200, 404), (path, answer.status_code, answer.text[:200])
    _sandboxed(answer.headers, path)


def test_errors_and_other_accounts_answers_are_sandboxed_too(app: App) -> None:
    bearer = {"Authorization": f"Bearer {app.tokens['b']}"}
    for path in ("/api/v1/audits/nope/report?format=html", "/api/v1/audits", "/healthz"):
        _sandboxed(app.client.get(path, headers=bearer).headers, path)


def test_editors_pages_keep_their_own_policy_and_docs_still_run(app: App) -> None:
    page = app.client.get("/web/sign-in")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "sandbox" not in page.headers["content-security-policy"]
    docs = app.client.get("/docs")
    assert docs.status_code == 200
    assert docs.headers["content-security-policy"] == "frame-ancestors 'none'"
    assert docs.headers["x-content-type-options"] == "nosniff"
