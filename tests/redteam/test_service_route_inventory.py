"""Every route of the real app, read from the app itself: another account's audit is
absent on each, every state-changing form of the page needs its CSRF token and a
same-site origin, and no API route takes the page's session cookie for a token.

The routes are enumerated from the application, not listed here, so a route added
later is swept too: a path parameter this module cannot fill fails the test, saying
which, rather than skipping the route.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.store.repository import Repository
from citeaudit.store.watching.watches import get_watch
from tests.redteam.offline_service import offline_settings

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
PAPER = b"# A study\n\nAs shown [@okafor].\n"
BIB = b"@article{okafor, author={Okafor, N.}, title={Inside}, journal={J}, year={2018},}\n"
STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}


def _routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every endpoint, included routers unfolded."""

    def walk(routes: list[Any]) -> Iterator[Any]:
        for route in routes:
            inner = getattr(route, "original_router", None)
            yield from walk(inner.routes) if inner is not None else (route,)

    out = []
    for route in walk(list(app.routes)):
        for method in sorted(getattr(route, "methods", None) or ()):
            if method != "HEAD":
                out.append((method, str(route.path)))
    return out


@dataclass
class Site:
    client: TestClient
    app: FastAPI
    tokens: dict[str, str]
    audit: str  # account a's finished, watched audit
    file: str  # one of its files

    @property
    def repo(self) -> Repository:
        repo: Repository = self.app.state.repo
        return repo

    def bearer(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    def sign_in(self, who: str) -> str:
        self.client.cookies.clear()
        page = self.client.get("/web/sign-in")
        found = CSRF.search(page.text)
        assert found
        signed = self.client.post(
            "/web/sign-in",
            data={"token": self.tokens[who], "csrf": found.group(1)},
            follow_redirects=False,
        )
        assert signed.status_code == 303, signed.text
        form = CSRF.search(self.client.get("/web/audits").text)
        assert form
        return form.group(1)

    def fill(self, path: str) -> str:
        values = {"audit_id": self.audit, "name": self.file, "fmt": "json", "code": "en"}
        for param in re.findall(r"{(\w+)}", path):
            assert param in values, f"{path}: no value for {{{param}}}: add one to Site.fill"
            path = path.replace(f"{{{param}}}", values[param])
        return path

    def intact(self) -> None:
        audit = self.repo.get_audit(self.audit)
        assert audit is not None and audit.status == "done"
        account = audit.account_id
        assert get_watch(self.repo, account, self.audit) is not None
        assert self.repo.list_audits(account, offset=0, limit=10)[1] == 1


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    tmp = tmp_path_factory.mktemp("inventory")
    settings = offline_settings(tmp, embedded_workers=1)
    app = create_app(settings)
    with TestClient(app, base_url="http://testserver") as client:
        repo: Repository = app.state.repo
        tokens = {who: repo.create_token(f"inventory-{who}") for who in ("a", "b")}
        auth = {"Authorization": f"Bearer {tokens['a']}"}
        made = client.post(
            "/api/v1/audits",
            headers=auth,
            data={"offline": "true"},
            files=[
                ("manuscript", ("paper.md", PAPER, "text/markdown")),
                ("bibliography", ("refs.bib", BIB, "text/plain")),
            ],
        )
        assert made.status_code == 202, made.text
        audit = made.json()["id"]
        for _ in range(240):
            status = client.get(f"/api/v1/audits/{audit}", headers=auth).json()
            if status["status"] in ("done", "failed"):
                break
            time.sleep(0.25)
        assert status["status"] == "done", status
        assert client.post(f"/api/v1/audits/{audit}/watch", headers=auth).status_code == 200
        yield Site(client, app, tokens, audit, "refs.bib")


def _audit_routes(site: Site, prefix: str) -> list[tuple[str, str]]:
    found = [(m, p) for m, p in _routes(site.app) if p.startswith(prefix) and "{audit_id}" in p]
    assert len(found) >= 8, found  # the sweep found the routes it is about
    return found


def test_another_accounts_audit_is_absent_on_every_api_route(site: Site) -> None:
    routes = _audit_routes(site, "/api/")
    for method, path in routes:
        answer = site.client.request(method, site.fill(path), headers=site.bearer("b"))
        assert answer.status_code == 404, (method, path, answer.status_code, answer.text[:200])
        assert "Okafor" not in answer.text and "okafor" not in answer.text
    site.intact()


def test_another_accounts_audit_is_absent_on_every_page(site: Site) -> None:
    csrf = site.sign_in("b")
    for method, path in _audit_routes(site, "/web/"):
        data = {"csrf": csrf} if method in STATE_CHANGING else None
        answer = site.client.request(method, site.fill(path), data=data, follow_redirects=False)
        assert answer.status_code == 404, (method, path, answer.status_code)
        assert "Okafor" not in answer.text and "okafor" not in answer.text
    site.intact()


def test_every_form_of_the_page_needs_its_token_and_a_same_site_origin(site: Site) -> None:
    forms = [
        (m, p)
        for m, p in _routes(site.app)
        if p.startswith("/web") and m in STATE_CHANGING and p != "/web/sign-in"
    ]
    assert ("POST", "/web/audits") in forms and ("POST", "/web/sign-out") in forms
    csrf = site.sign_in("a")
    upload = [("manuscript", ("paper.md", PAPER, "text/markdown"))]
    attempts: list[tuple[dict[str, str], dict[str, str]]] = [
        ({}, {}),  # no token
        ({"csrf": "0" * 64}, {}),  # a wrong one
        ({"csrf": csrf}, {"Origin": "http://evil.example"}),  # another site's page
        ({"csrf": csrf}, {"Origin": "null"}),  # a sandboxed frame or a data: page
    ]
    for method, path in forms:
        for data, headers in attempts:
            answer = site.client.request(
                method,
                site.fill(path),
                data=data,
                files=upload if path == "/web/audits" else None,
                headers=headers,
                follow_redirects=False,
            )
            assert answer.status_code == 403, (method, path, data, headers, answer.status_code)
    site.intact()
    # ...and the session still works: sign-out did not happen either
    assert site.client.get("/web/audits", follow_redirects=False).status_code == 200
    assert site.client.get(f"/web/audits/{site.audit}").status_code == 200


def test_sign_in_needs_the_pre_session_cookie(site: Site) -> None:
    site.client.cookies.clear()
    page = site.client.get("/web/sign-in")
    found = CSRF.search(page.text)
    assert found
    site.client.cookies.clear()  # a forged form: the token, not the cookie beside it
    answer = site.client.post(
        "/web/sign-in",
        data={"token": site.tokens["a"], "csrf": found.group(1)},
        follow_redirects=False,
    )
    assert answer.status_code == 403
    assert "citeaudit_session" not in answer.headers.get("set-cookie", "")


def test_no_api_route_takes_the_session_cookie_for_a_token(site: Site) -> None:
    """Only a bearer token signs an API call: were the cookie enough, every API route
    that changes something would be a form any site could post (no CSRF token there)."""
    site.sign_in("a")
    assert site.client.cookies.get("citeaudit_session")
    for method, path in _routes(site.app):
        if not path.startswith("/api/"):
            continue
        if path == "/api/v1/rules":  # the rule list is public
            continue
        answer = site.client.request(method, site.fill(path), follow_redirects=False)
        assert answer.status_code == 401, (method, path, answer.status_code)
    site.intact()
