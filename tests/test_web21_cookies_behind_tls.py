"""web21: the page's cookies are Secure behind the TLS proxy the deployment asks for.

The README's deployment puts a TLS reverse proxy in front of ``citeaudit serve``
(docker compose publishes it on loopback, plain HTTP). The cookies took ``Secure``
from the request's own scheme, which is ``http`` there: uvicorn believes a proxy's
``X-Forwarded-Proto`` only from 127.0.0.1, and the proxy reaches the container from
the bridge's address. So the session cookie went out without ``Secure``, and the
browser sent it on any plain-http request to the host (a network attacker's lure
included). The proxy's word that the browser is on https (``X-Forwarded-Proto`` or
``Forwarded: proto=https``) now makes every cookie of the page ``Secure``. A client
forging the header only makes its own cookie stricter.
"""

from __future__ import annotations

import pytest

from tests.web.conftest import App, csrf_of
from tests.web.conftest import app as app  # the in-process web app, a fixture

BEHIND_TLS = [
    {"X-Forwarded-Proto": "https"},
    {"X-Forwarded-Proto": "HTTPS, http"},
    {"Forwarded": 'for=192.0.2.1;proto=https;host="journal.example"'},
    {"Forwarded": "For=192.0.2.1; Proto=https"},
]


def _cookies(answer: object) -> list[str]:
    return [v for k, v in answer.headers.multi_items() if k.lower() == "set-cookie"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("headers", BEHIND_TLS)
def test_every_cookie_is_secure_when_the_proxy_says_https(
    app: App, headers: dict[str, str]
) -> None:
    page = app.client.get("/web/sign-in", headers=headers)
    presession = _cookies(page)
    assert presession and all("; secure" in c.lower() for c in presession), presession
    value = presession[0].split(";", 1)[0].split("=", 1)[1]  # a Secure cookie: sent by hand
    signed = app.client.post(
        "/web/sign-in",
        data={"token": app.tokens["a"], "csrf": csrf_of(page.text)},
        headers={**headers, "Cookie": f"citeaudit_csrf={value}"},
        follow_redirects=False,
    )
    assert signed.status_code == 303
    session = [c for c in _cookies(signed) if c.startswith("citeaudit_session=")]
    assert session and "; secure" in session[0].lower(), session
    language = _cookies(app.client.get("/web/language/id", headers=headers, follow_redirects=False))
    assert language and all("; secure" in c.lower() for c in language), language


def test_plain_http_without_a_proxy_keeps_cookies_usable(app: App) -> None:
    page = app.client.get("/web/sign-in", headers={"X-Forwarded-Proto": "http"})
    assert all("; secure" not in c.lower() for c in _cookies(page))


@pytest.mark.parametrize("headers", BEHIND_TLS)
def test_an_https_answer_asks_the_browser_to_stay_on_https(
    app: App, headers: dict[str, str]
) -> None:
    """Strict-Transport-Security on every answer the browser had over https: without
    it, the first plain-http request after a lure went out unprotected (the cookie is
    Secure now, but the page itself could be forged)."""
    for path in ("/web/sign-in", "/healthz", "/web/static/app.js"):
        answer = app.client.get(path, headers=headers)
        assert "max-age=" in answer.headers.get("strict-transport-security", ""), path


def test_a_plain_http_answer_sets_no_hsts(app: App) -> None:
    assert "strict-transport-security" not in app.client.get("/web/sign-in").headers
