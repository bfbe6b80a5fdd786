"""web21: a multipart body is an upload's size only where an upload is taken.

`max_json_bytes` caps "any request body that is not an upload (JSON, forms)", but the
body cap chose the upload's (20 MB) for every multipart body, whatever the route: a
client with no account posted 20 MB in 1,000 file parts to /web/sign-in (or to any
JSON route of the API) and the form was parsed whole -- files spooled to disk, outside
the account limits and the uploads' in-flight ceiling -- before the CSRF check refused
it. Only the two upload routes take an upload's body now; every other route answers a
larger multipart body 413 before reading it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from tests.redteam.offline_service import offline_settings

PARTS = [(f"f{i}", (f"x{i}.txt", b"A" * 2_000, "text/plain")) for i in range(200)]  # ~400 KB


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str]]:
    settings = offline_settings(tmp_path_factory.mktemp("web21-caps"), embedded_workers=1)
    app = create_app(settings)
    with TestClient(app, base_url="http://testserver") as client:
        yield client, app.state.repo.create_token("web21-caps")


@pytest.mark.parametrize(
    ("method", "path", "signed"),
    [
        ("POST", "/web/sign-in", False),
        ("POST", "/web/sign-out", False),
        ("POST", "/web/audits/" + "0" * 32 + "/delete", False),
        ("PUT", "/api/v1/watch/settings", True),
        ("POST", "/api/v1/audits/" + "0" * 32 + "/watch", True),
        ("POST", "/api/v1/audits/" + "0" * 32 + "/retry", True),
    ],
)
def test_a_large_multipart_body_is_refused_where_no_upload_is_taken(
    site: tuple[TestClient, str], method: str, path: str, signed: bool
) -> None:
    client, token = site
    headers = {"Authorization": f"Bearer {token}"} if signed else {}
    answer = client.request(method, path, files=PARTS, headers=headers, follow_redirects=False)
    assert answer.status_code == 413, (path, answer.status_code, answer.text[:200])


def test_the_upload_routes_still_take_an_uploads_size(site: tuple[TestClient, str]) -> None:
    client, token = site
    bib = b"@article{k, author={A}, title={T}, journal={J}, year={2020}}\n" * 4_000  # ~240 KB
    answer = client.post(
        "/api/v1/audits",
        headers={"Authorization": f"Bearer {token}"},
        files=[("bibliography", ("refs.bib", bib, "text/plain"))],
    )
    assert answer.status_code == 202, answer.text[:300]


def test_a_small_form_still_reaches_sign_in(site: tuple[TestClient, str]) -> None:
    client, _ = site
    answer = client.post("/web/sign-in", files=PARTS[:2], data={"token": "x", "csrf": "y"})
    assert answer.status_code == 403  # read, then refused for its CSRF token
