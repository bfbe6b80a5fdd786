"""web21: a NUL character from a request or an upload never reaches PostgreSQL.

PostgreSQL's text refuses U+0000 ("text fields cannot contain NUL"); SQLite takes it.
On PostgreSQL, then, ``GET /api/v1/audits/%00`` (any route naming an audit, a
collection, a filter) was a 500 with a traceback in the log for anyone holding a
token, and a manuscript sent as UTF-16 -- where a NUL is text, not a sign of a binary
file -- with a NUL in a URL or a title failed its whole audit: the author could make
the manuscript impossible to audit, and the audit's reason showed the editor the
store's SQL statement. The store now writes and looks up U+FFFD in a NUL's place, on
every statement (`store.db`), and a collection name holding a NUL is refused like
any other bad name (rather than kept under another name).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from tests.redteam.offline_service import offline_settings
from tests.service.conftest import fresh_database

ZERO = "\x00"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, dict[str, str]]]:
    for url in fresh_database():
        folder = tmp_path_factory.mktemp("web21-nul")
        settings = offline_settings(folder, database_url=url, embedded_workers=1)
        app = create_app(settings)
        with TestClient(app, base_url="http://testserver", raise_server_exceptions=False) as c:
            token = app.state.repo.create_token("web21-nul")
            yield c, {"Authorization": f"Bearer {token}"}


def _audit(client: TestClient, auth: dict[str, str], files: list[object]) -> dict[str, object]:
    sent = client.post("/api/v1/audits", headers=auth, files=files)
    assert sent.status_code == 202, sent.text[:300]
    audit_id = sent.json()["id"]
    for _ in range(300):
        status: dict[str, object] = client.get(f"/api/v1/audits/{audit_id}", headers=auth).json()
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.1)
    raise AssertionError(status)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/audits/%00",
        "/api/v1/audits/a%00b/findings",
        "/api/v1/audits/%00/report",
        "/api/v1/audits/%00/changes",
        "/api/v1/watch/collections/%00/changes",
        "/api/v1/watch?collection=a%00b",
    ],
)
def test_a_nul_in_an_address_is_no_such_thing(
    site: tuple[TestClient, dict[str, str]], path: str
) -> None:
    client, auth = site
    answer = client.get(path, headers=auth)
    assert answer.status_code in (200, 404), (path, answer.status_code, answer.text[:200])
    assert client.delete("/api/v1/audits/%00", headers=auth).status_code == 404


def test_a_utf16_upload_with_nuls_is_audited(site: tuple[TestClient, dict[str, str]]) -> None:
    client, auth = site
    bib = (
        f"@article{{k1, author={{A{ZERO}B}}, title={{T{ZERO}itle}}, journal={{J}}, year={{2020}},"
        f" url={{https://x.example/a{ZERO}b}}}}\n"
        "@article{k1, author={A}, title={T}, journal={J}, year={2020}}\n"
    )
    manuscript = f"# T\n\nCite [@k1] and [@k{ZERO}2].\n"
    status = _audit(
        client,
        auth,
        [
            ("manuscript", ("p.md", manuscript.encode("utf-16"), "text/markdown")),
            ("bibliography", ("r.bib", bib.encode("utf-16"), "text/plain")),
        ],
    )
    assert status["status"] == "done", status
    audit_id = status["id"]
    for fmt in ("json", "html", "sarif", "text"):
        report = client.get(f"/api/v1/audits/{audit_id}/report?format={fmt}", headers=auth)
        assert report.status_code == 200, (fmt, report.text[:200])
    watched = client.post(
        f"/api/v1/audits/{audit_id}/watch", headers=auth, json={"collection": f"a{ZERO}b"}
    )
    assert watched.status_code in (400, 422), watched.text[:200]
    named = client.get(f"/api/v1/watch/collections/{quote('a' + ZERO + 'b')}/changes", headers=auth)
    assert named.status_code == 404


def test_a_nul_in_the_pages_addresses_is_no_such_audit(
    site: tuple[TestClient, dict[str, str]],
) -> None:
    client, auth = site
    from tests.web.conftest import csrf_of

    token = auth["Authorization"].split(" ", 1)[1]
    page = client.get("/web/sign-in")
    client.post(
        "/web/sign-in", data={"token": token, "csrf": csrf_of(page.text)}, follow_redirects=False
    )
    for path in ("/web/audits/%00", "/web/audits/%00/status", "/web/audits/%00/download/json"):
        assert client.get(path).status_code == 404, path
