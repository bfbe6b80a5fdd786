"""Form posts need the page's CSRF token and the same origin; the cookie is strict."""

from __future__ import annotations

from tests.web.conftest import App, csrf_of
from tests.web.helpers import upload, wait_done


def _audits(app: App) -> int:
    return app.client.get("/web/audits").text.count('href="/web/audits/')


def test_session_cookie_is_httponly_and_strict(app: App) -> None:
    page = app.client.get("/web/sign-in")
    response = app.client.post(
        "/web/sign-in",
        data={"token": app.tokens["a"], "csrf": csrf_of(page.text)},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"].lower()
    assert "citeaudit_session=" in cookie
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_sign_in_needs_the_forms_token(app: App) -> None:
    app.client.get("/web/sign-in")
    for csrf in ("", "forged"):
        response = app.client.post(
            "/web/sign-in", data={"token": app.tokens["a"], "csrf": csrf}, follow_redirects=False
        )
        assert response.status_code == 403
        assert "citeaudit_session" not in response.headers.get("set-cookie", "")


def test_upload_without_or_with_a_wrong_token_is_refused(app: App) -> None:
    csrf = app.sign_in("a")
    before = _audits(app)
    file = [
        ("manuscript", ("m.md", b"# T\n\nText (A, 2020).\n\n## References\n\n- A. (2020). T.\n"))
    ]
    for data in ({}, {"csrf": "x" * 64}, {"csrf": csrf[:-1] + ("0" if csrf[-1] != "0" else "1")}):
        response = app.client.post("/web/audits", data=data, files=file, follow_redirects=False)
        assert response.status_code == 403, data
        assert "expired or came from another site" in response.text
    assert _audits(app) == before


def test_cross_site_origin_is_refused_even_with_the_token(app: App) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf)
    wait_done(app.client, audit_id)
    response = app.client.post(
        f"/web/audits/{audit_id}/delete",
        data={"csrf": csrf},
        headers={"Origin": "https://evil.example"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert app.client.get(f"/web/audits/{audit_id}").status_code == 200
    same = app.client.post(
        f"/web/audits/{audit_id}/delete",
        data={"csrf": csrf},
        headers={"Origin": "http://testserver"},
        follow_redirects=False,
    )
    assert same.status_code == 303
    assert app.client.get(f"/web/audits/{audit_id}").status_code == 404


def test_one_accounts_token_does_not_work_for_another(app: App) -> None:
    csrf_a = app.sign_in("a")
    app.sign_in("b")
    response = app.client.post("/web/sign-out", data={"csrf": csrf_a}, follow_redirects=False)
    assert response.status_code == 403
    assert app.client.get("/web/audits", follow_redirects=False).status_code == 200


def test_sign_out_clears_the_session(app: App) -> None:
    csrf = app.sign_in("a")
    response = app.client.post("/web/sign-out", data={"csrf": csrf}, follow_redirects=False)
    assert response.status_code == 303
    assert app.client.get("/web/audits", follow_redirects=False).status_code == 303


def test_next_never_leaves_the_site(app: App) -> None:
    page = app.client.get("/web/sign-in?next=//evil.example/web/")
    response = app.client.post(
        "/web/sign-in",
        data={"token": app.tokens["a"], "csrf": csrf_of(page.text), "next": "https://evil.example"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/web/audits"
