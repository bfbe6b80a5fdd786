"""An account never sees another account's audits: list, page, status, downloads, actions."""

from __future__ import annotations

import pytest

from tests.web.conftest import App
from tests.web.helpers import upload, wait_done

PAGES = (
    "",
    "?severity=error",
    "/status",
    *(f"/download/{f}" for f in ("json", "html", "sarif", "csv")),
)


@pytest.fixture
def a_audit(app: App) -> str:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf)
    assert wait_done(app.client, audit_id)["status"] == "done"
    return audit_id


def test_owner_sees_every_page(app: App, a_audit: str) -> None:
    for suffix in PAGES:
        response = app.client.get(f"/web/audits/{a_audit}{suffix}")
        assert response.status_code == 200, (suffix, response.text[:200])
    assert a_audit in app.client.get("/web/audits").text


def test_other_account_gets_404_everywhere(app: App, a_audit: str) -> None:
    csrf = app.sign_in("b")
    listing = app.client.get("/web/audits")
    assert listing.status_code == 200
    assert a_audit not in listing.text
    assert "No audits yet" in listing.text
    for suffix in PAGES:
        response = app.client.get(f"/web/audits/{a_audit}{suffix}")
        assert response.status_code == 404, (suffix, response.status_code)
        assert "Evil" not in response.text and "script" not in response.text.lower().replace(
            '<script src="/web/static/app.js" defer></script>', ""
        )
    for action in ("delete", "retry"):
        response = app.client.post(
            f"/web/audits/{a_audit}/{action}", data={"csrf": csrf}, follow_redirects=False
        )
        assert response.status_code == 404, action
    app.sign_in("a")
    assert app.client.get(f"/web/audits/{a_audit}").status_code == 200  # not deleted


def test_unknown_audit_is_the_same_404(app: App) -> None:
    app.sign_in("b")
    response = app.client.get("/web/audits/" + "0" * 32)
    assert response.status_code == 404
    assert "No such audit" in response.text


def test_signed_out_visitor_is_sent_to_sign_in(app: App, a_audit: str) -> None:
    app.client.cookies.clear()
    for suffix in PAGES:
        response = app.client.get(f"/web/audits/{a_audit}{suffix}", follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/web/sign-in?next=/web/audits/")
    app.client.cookies.set("citeaudit_session", "cit_forged")
    response = app.client.get(f"/web/audits/{a_audit}", follow_redirects=False)
    assert response.status_code == 303
