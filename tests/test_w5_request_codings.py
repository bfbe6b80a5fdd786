"""A request body is taken as sent, or refused: no content coding is ever undone.

A client may label its body ``Content-Encoding: gzip`` (or deflate, br, zstd, a chain
of them). Nothing in the service decompresses a request body, and nothing must: the
byte caps (`api.limits.BodyLimits`) count the bytes as they arrive, so a decoder put in
front of a route later -- a middleware, a proxy option -- would turn a 20 MB upload
into gigabytes past every cap (a "zip bomb" over HTTP). Until this test, such a body
was read as if it were plain: a gzip'd JSON body was "not UTF-8 (byte 1)", a gzip'd
upload "malformed multipart", and a coded body that happened to parse was audited as
its compressed bytes. Now any coding but ``identity`` is answered 415 with
``Accept-Encoding: identity`` (RFC 7694), before any route reads a byte of it.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings
from tests.service.processes import CLOSED

PAPER = b"Smith (2020) argues.\n\n## References\n\nSmith, A. (2020). A title. J, 1, 1-2.\n"


@pytest.fixture
def api(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    settings = ServiceSettings(
        database_url=f"sqlite:///{tmp_path / 'codings.db'}",
        cache_dir=tmp_path / "cache",
        crossref_url=CLOSED,
        doi_url=CLOSED,
        datacite_url=CLOSED,
        archive_url=CLOSED,
        embedded_workers=1,
    )
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as client:
        token = app.state.repo.create_token("codings")
        yield client, {"Authorization": f"Bearer {token}"}


def _multipart(body: bytes) -> bytes:
    return (
        b'--xx\r\nContent-Disposition: form-data; name="manuscript"; filename="p.md"\r\n'
        b"Content-Type: text/markdown\r\n\r\n" + body + b"\r\n--xx--\r\n"
    )


CODINGS = {
    "gzip": gzip.compress,
    "x-gzip": gzip.compress,
    "deflate": zlib.compress,
    "br": lambda b: b"\x8b\x02\x80" + b,  # shape only: nothing may try to decode it
    "zstd": lambda b: b"\x28\xb5\x2f\xfd" + b,
    "gzip, identity": gzip.compress,
    "identity, gzip": gzip.compress,
    " GZIP ": gzip.compress,
}


@pytest.mark.parametrize("coding", sorted(CODINGS))
def test_a_coded_upload_is_refused_unread(
    api: tuple[TestClient, dict[str, str]], coding: str
) -> None:
    client, auth = api
    body = CODINGS[coding](_multipart(PAPER))
    answer = client.post(
        "/api/v1/audits",
        content=body,
        headers={
            **auth,
            "content-type": "multipart/form-data; boundary=xx",
            "content-encoding": coding,
        },
    )
    assert answer.status_code == 415, answer.text
    assert "not decompressed" in answer.json()["detail"]
    assert answer.headers["accept-encoding"] == "identity"
    assert client.get("/api/v1/audits", headers=auth).json()["total"] == 0


@pytest.mark.parametrize("coding", ["gzip", "deflate"])
def test_a_coded_json_body_is_refused_with_the_reason(
    api: tuple[TestClient, dict[str, str]], coding: str
) -> None:
    client, auth = api
    answer = client.put(
        "/api/v1/watch/settings",
        content=CODINGS[coding](b'{"email": "a@example.org"}'),
        headers={**auth, "content-type": "application/json", "content-encoding": coding},
    )
    assert answer.status_code == 415, answer.text
    assert "not decompressed" in answer.json()["detail"]


def test_the_web_upload_form_is_refused_too(api: tuple[TestClient, dict[str, str]]) -> None:
    client, _ = api
    answer = client.post(
        "/web/audits",
        content=gzip.compress(_multipart(PAPER)),
        headers={"content-type": "multipart/form-data; boundary=xx", "content-encoding": "gzip"},
    )
    assert answer.status_code == 415, answer.text


@pytest.mark.parametrize("coding", ["identity", "Identity", "", " identity "])
def test_identity_is_a_plain_body(api: tuple[TestClient, dict[str, str]], coding: str) -> None:
    client, auth = api
    answer = client.post(
        "/api/v1/audits",
        content=_multipart(PAPER),
        headers={
            **auth,
            "content-type": "multipart/form-data; boundary=xx",
            "content-encoding": coding,
        },
    )
    assert answer.status_code == 202, answer.text


def test_a_request_without_a_coding_is_unchanged(api: tuple[TestClient, dict[str, str]]) -> None:
    client, auth = api
    answer = client.post(
        "/api/v1/audits", files=[("manuscript", ("p.md", PAPER, "text/markdown"))], headers=auth
    )
    assert answer.status_code == 202, answer.text
