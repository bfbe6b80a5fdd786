"""One request's project archives share one cap on the files they add, not one each.

Class: a LaTeX or Pandoc project sent as a ``.zip`` is unpacked in the API process
(`api.project_zip`), each archive held to `MAX_PROJECT_FILES` (200) text files -- per
archive. A request may carry `max_files` (20) uploads, all of them archives, so one
request stored 20 x 200 = 4,000 files, two hundred times the cap on a request's files.
Each file is a manuscript the worker reads on its own, with its project's build files
looked for beside it every time: 4,000 one-line chapters took ~26 s of CPU to read
(1,000: ~4 s), where the same text as one file takes a fraction of a second. Now the
files of a request -- plain uploads and every archive's members together -- are held
to `MAX_PROJECT_FILES`; the archive that passes it is refused (413), naming it.

Asserted on what the service accepted or refused, through the real API (TestClient).
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from citeaudit.api.project_zip import MAX_PROJECT_FILES
from citeaudit.server import create_app
from tests.redteam.offline_service import offline_settings

BIB = b"@article{a, author={Okafor, N.}, title={T}, journal={J}, year={2018}}\n"


def _project(name: str, members: int) -> bytes:
    """A project of `members` one-line chapters (and nothing else)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for n in range(members):
            archive.writestr(f"{name}/ch{n}.md", f"Chapter {n} cites [@a].\n")
    return buffer.getvalue()


@pytest.fixture
def service(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    (tmp_path / "scratch").mkdir()
    settings = offline_settings(tmp_path, embedded_workers=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
        app = create_app(settings)
        with TestClient(app, raise_server_exceptions=False) as client:
            yield client, {"Authorization": f"Bearer {app.state.repo.create_token('files22')}"}


def test_archives_of_one_request_add_no_more_files_than_one_may(
    service: tuple[TestClient, dict[str, str]],
) -> None:
    client, auth = service
    each = MAX_PROJECT_FILES * 3 // 4  # each archive alone is within the cap
    files = [("manuscript", (f"p{n}.zip", _project(f"p{n}", each))) for n in range(3)]
    response = client.post("/api/v1/audits", files=files, data={"offline": "true"}, headers=auth)
    assert response.status_code == 413, response.text
    assert "p1.zip" in response.text


def test_plain_uploads_count_toward_the_same_cap(
    service: tuple[TestClient, dict[str, str]],
) -> None:
    """An archive filling the cap, beside a bibliography sent as a file of its own."""
    client, auth = service
    files = [
        ("bibliography", ("refs.bib", BIB)),
        ("manuscript", ("p.zip", _project("p", MAX_PROJECT_FILES))),
    ]
    response = client.post("/api/v1/audits", files=files, data={"offline": "true"}, headers=auth)
    assert response.status_code == 413, response.text
    assert "refs.bib" in response.text


def test_one_project_within_the_cap_is_still_accepted(
    service: tuple[TestClient, dict[str, str]],
) -> None:
    """The control: a project of three quarters of the cap, beside its bibliography."""
    client, auth = service
    files = [
        ("manuscript", ("p.zip", _project("p", MAX_PROJECT_FILES * 3 // 4))),
        ("bibliography", ("refs.bib", BIB)),
    ]
    response = client.post("/api/v1/audits", files=files, data={"offline": "true"}, headers=auth)
    assert response.status_code == 202, response.text
