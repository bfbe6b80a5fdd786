"""Through the real app: the page's upload form is judged by its CSRF token and origin
before any file in it is checked.

Checking an upload is work: a PDF is opened by the engine in a child process (up to a
minute of CPU and a gigabyte), a DOCX is unzipped and measured. The page checked every
file first and the token after, so a post that was not the editor's own -- from a
sibling site on the same registrable domain, which SameSite cookies let through --
still cost all of it before its 403. The file check is recorded here: it must not run
for a post without the token, with a wrong one, or from another origin.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import citeaudit.api.uploads as uploads
from citeaudit.server import create_app
from tests.redteam.offline_service import offline_settings, signed_in

PAPER = b"# A study\n\nAs shown (Okafor, 2018).\n\n## References\n\n- Okafor, N. (2018). Work.\n"


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the upload check was asked about."""
    seen: list[str] = []
    real = uploads.check_upload

    def recording(role: str, filename: str | None, *args: Any, **kwargs: Any) -> Any:
        seen.append(filename or "")
        return real(role, filename, *args, **kwargs)

    monkeypatch.setattr(uploads, "check_upload", recording)
    return seen


@pytest.fixture
def page(tmp_path: Path) -> Iterator[tuple[TestClient, str]]:
    settings = offline_settings(tmp_path, embedded_workers=1)
    app = create_app(settings)
    with TestClient(app, base_url="http://testserver") as client:
        yield client, signed_in(client, app.state.repo.create_token("editor"))


def _post(client: TestClient, data: dict[str, str], headers: dict[str, str]) -> Any:
    return client.post(
        "/web/audits",
        data=data,
        files=[("manuscript", ("paper.md", PAPER, "text/markdown"))],
        headers=headers,
        follow_redirects=False,
    )


@pytest.mark.parametrize(
    ("with_token", "headers"),
    [
        (False, {}),
        (None, {}),  # a wrong token
        (True, {"Origin": "http://journal.example"}),  # a sibling site's page
        (True, {"Origin": "null"}),
    ],
    ids=["no-token", "wrong-token", "other-origin", "null-origin"],
)
def test_a_forged_upload_checks_no_file(
    page: tuple[TestClient, str],
    checked: list[str],
    with_token: bool | None,
    headers: dict[str, str],
) -> None:
    client, csrf = page
    data = {"csrf": csrf} if with_token else ({"csrf": "0" * 64} if with_token is None else {})
    answer = _post(client, data, headers)
    assert answer.status_code == 403, answer.text[:300]
    assert "expired or came from another site" in answer.text
    assert checked == []
    assert "No audits yet" in client.get("/web/audits").text


def test_the_editors_own_upload_is_checked_and_taken(
    page: tuple[TestClient, str], checked: list[str]
) -> None:
    client, csrf = page
    answer = _post(client, {"csrf": csrf}, {"Origin": "http://testserver"})
    assert answer.status_code == 303, answer.text[:300]
    assert checked == ["paper.md"]
