"""Defaults (issue 11 point 9): tokens expire and can be revoked, the web cookie is not
the token, the example's database password is refused, the API is published on
loopback only, and `links --help` says private networks are checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from citeaudit.cli import main
from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings
from citeaudit.store import Repository
from citeaudit.store.tables import ApiToken, WebSession
from tests.service.processes import CLOSED
from tests.web.conftest import csrf_of

ROOT = Path(__file__).resolve().parents[2]


class Site:
    def __init__(self, client: TestClient, repo: Repository) -> None:
        self.client, self.repo = client, repo

    def api_status(self, token: str) -> int:
        return self.client.get(
            "/api/v1/audits", headers={"Authorization": f"Bearer {token}"}
        ).status_code

    def sign_in(self, token: str) -> int:
        self.client.cookies.clear()
        csrf = csrf_of(self.client.get("/web/sign-in").text)
        response = self.client.post(
            "/web/sign-in",
            data={"token": token, "csrf": csrf, "next": "/web/audits"},
            follow_redirects=False,
        )
        return response.status_code

    def page_status(self) -> int:
        return self.client.get("/web/audits", follow_redirects=False).status_code


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'tokens.db'}"
    monkeypatch.setenv("CITEAUDIT_DATABASE_URL", url)
    return url


@pytest.fixture
def site(tmp_path: Path, db_url: str) -> Iterator[Site]:
    settings = ServiceSettings(
        database_url=db_url,
        cache_dir=tmp_path / "cache",
        crossref_url=CLOSED,
        doi_url=CLOSED,
        datacite_url=CLOSED,
        archive_url=CLOSED,
    )
    app = create_app(settings)
    with TestClient(app, base_url="http://testserver") as client:
        yield Site(client, app.state.repo)


def _cli_token(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["tokens", "create", *args]) == 0
    return capsys.readouterr().out.strip().splitlines()[-1]


def _ids(capsys: pytest.CaptureFixture[str], name: str) -> dict[int, str]:
    assert main(["tokens", "list", name]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    return {int(r.split()[0]): r.split()[3] for r in rows}


def test_created_tokens_expire_in_90_days_by_default(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    _cli_token(capsys, "editor")
    [info] = site.repo.list_tokens("editor")
    assert info.expires_at is not None
    left = info.expires_at - datetime.now(UTC)
    assert timedelta(days=89, hours=23) < left <= timedelta(days=90)
    _cli_token(capsys, "robot", "--expires", "never")
    assert site.repo.list_tokens("robot")[0].expires_at is None


@pytest.mark.parametrize("bad", ["0d", "90", "5y", "-1d", "soon", "999999d"])
def test_bad_expiry_is_a_usage_error(
    db_url: str, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    assert main(["tokens", "create", "x", f"--expires={bad}"]) == 2
    assert "--expires" in capsys.readouterr().err


def test_revoked_token_is_refused_by_api_and_web(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    keep = _cli_token(capsys, "editor")
    token = _cli_token(capsys, "editor")
    assert site.api_status(token) == 200
    assert site.sign_in(token) == 303
    assert site.page_status() == 200
    ids = _ids(capsys, "editor")
    assert set(ids.values()) == {"active"}
    revoked_id = max(ids)
    assert main(["tokens", "revoke", str(revoked_id)]) == 0
    capsys.readouterr()
    assert _ids(capsys, "editor")[revoked_id] == "revoked"
    assert site.api_status(token) == 401
    assert site.page_status() == 303  # the session signed in with it ended too
    assert site.sign_in(token) == 401
    assert site.api_status(keep) == 200  # the account's other token still works
    assert main(["tokens", "revoke", "--account", "editor"]) == 0
    assert site.api_status(keep) == 401
    assert main(["tokens", "revoke", str(revoked_id)]) == 1  # nothing left to revoke


def test_expired_token_is_refused_by_api_and_web(site: Site) -> None:
    token = site.repo.create_token("editor", timedelta(days=1))
    assert site.sign_in(token) == 303
    assert site.page_status() == 200
    with site.repo.session() as s, s.begin():
        s.execute(update(ApiToken).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    assert site.api_status(token) == 401
    assert site.page_status() == 303
    assert site.sign_in(token) == 401


def test_the_session_cookie_is_not_the_token_and_ends(site: Site) -> None:
    token = site.repo.create_token("editor", timedelta(days=1))
    site.client.cookies.clear()
    csrf = csrf_of(site.client.get("/web/sign-in").text)
    response = site.client.post(
        "/web/sign-in",
        data={"token": token, "csrf": csrf, "next": "/web/audits"},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"]
    value = site.client.cookies.get("citeaudit_session")
    assert value and token not in cookie and value != token
    assert site.api_status(value) == 401  # the cookie's value is no API token
    assert re.search(r"Max-Age=(\d+)", cookie) and "HttpOnly" in cookie
    assert int(re.search(r"Max-Age=(\d+)", cookie).group(1)) <= 24 * 3600  # type: ignore[union-attr]
    assert site.page_status() == 200

    # sign-out ends it on the server: the same cookie, replayed, is refused
    page_csrf = csrf_of(site.client.get("/web/audits").text)
    site.client.post("/web/sign-out", data={"csrf": page_csrf}, follow_redirects=False)
    site.client.cookies.set("citeaudit_session", value)
    assert site.page_status() == 303

    # an expired session is refused though its token is still good
    assert site.sign_in(token) == 303
    with site.repo.session() as s, s.begin():
        s.execute(update(WebSession).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    assert site.page_status() == 303
    assert site.api_status(token) == 200


def _example_password() -> str:
    text = (ROOT / ".env.example").read_text()
    found = re.search(r"^POSTGRES_PASSWORD=(.*)$", text, re.M)
    assert found, "no POSTGRES_PASSWORD in .env.example"
    return found.group(1).strip()


def test_the_example_database_password_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    password = _example_password()
    url = f"postgresql+psycopg://citeaudit:{password}@127.0.0.1:9/citeaudit"  # as compose builds it
    with pytest.raises(ValueError, match="placeholder"):
        ServiceSettings(database_url=url)
    monkeypatch.setenv("CITEAUDIT_DATABASE_URL", url)
    assert main(["serve", "--port", "9"]) == 2
    err = capsys.readouterr().err
    assert "POSTGRES_PASSWORD" in err and "placeholder" in err
    # a password of one's own is accepted
    ServiceSettings(database_url=url.replace(password, "a-real-secret-4f9c"))


def test_compose_publishes_the_api_on_loopback_only() -> None:
    compose = (ROOT / "docker-compose.yml").read_text()
    published = re.findall(r'^\s+- "([^"]*:\d+)"', compose, re.M)
    assert published, "no published ports found"
    assert all(p.startswith("127.0.0.1:") for p in published), published
    assert "${POSTGRES_PASSWORD:?" in compose  # compose refuses an unset password too


def test_links_help_states_that_private_networks_are_checked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["links", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "private and loopback addresses" in text
    assert "CITEAUDIT_ALLOW_PRIVATE_NETWORKS=false" in text
