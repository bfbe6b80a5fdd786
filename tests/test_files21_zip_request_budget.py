"""One request's project archives share one unpacked budget, not one budget each.

Class: a LaTeX or Pandoc project sent as a ``.zip`` is unpacked in the API process
(`api.project_zip`), held to `max_expanded_bytes` (64 MB) -- per archive. A request may
carry `max_files` (20) of them, so one request of twenty 64 KB archives (text
compresses 1,000:1) unpacked 20 x 64 MB = 1.3 GB into the request handler's memory
and into the store, where any single upload is held to 20 MB. Now the archives of a
request draw on one budget of `max_expanded_bytes`: the archive that passes it is
refused (413), naming it.

Asserted on bytes through the real API (TestClient): the unpacked sizes the service
accepted, against the limit it was given.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from citeaudit.api.project_zip import project_files
from citeaudit.api.uploads import UploadRejected, checked_files
from citeaudit.server import create_app
from tests.redteam.offline_service import offline_settings

LIMIT = 400_000  # the service's max_expanded_bytes in these tests
BIB = b"@article{a, author={Okafor, N.}, title={T}, journal={J}, year={2018}}\n"


def _project(name: str, unpacked: int) -> bytes:
    """A project whose text members hold `unpacked` bytes in all (each under 1 MB, so
    no member's ratio is judged: only the sum is)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{name}.tex", b"See \\cite{a}.\n" + b"%" * (unpacked - 14))
        archive.writestr(f"{name}.bib", BIB)
    return buffer.getvalue()


@pytest.fixture
def service(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    (tmp_path / "scratch").mkdir()
    settings = offline_settings(tmp_path, embedded_workers=1, max_expanded_bytes=LIMIT)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
        app = create_app(settings)
        with TestClient(app, raise_server_exceptions=False) as client:
            yield client, {"Authorization": f"Bearer {app.state.repo.create_token('files21')}"}


def test_many_archives_of_one_request_are_held_to_one_budget(
    service: tuple[TestClient, dict[str, str]],
) -> None:
    client, auth = service
    each = LIMIT * 3 // 4  # each archive alone is within the limit
    files = [("manuscript", (f"p{n}.zip", _project(f"p{n}", each))) for n in range(4)]
    assert sum(len(data) for _, (_, data) in files) < LIMIT // 10  # a small request
    response = client.post("/api/v1/audits", files=files, data={"offline": "true"}, headers=auth)
    assert response.status_code == 413, response.text
    assert "p1.zip" in response.text


def test_one_archive_within_the_budget_is_still_accepted(
    service: tuple[TestClient, dict[str, str]],
) -> None:
    """The control: one project of three quarters of the limit, beside a text upload."""
    client, auth = service
    files = [
        ("manuscript", ("p.zip", _project("p", LIMIT * 3 // 4))),
        ("bibliography", ("more.bib", BIB)),
    ]
    response = client.post("/api/v1/audits", files=files, data={"offline": "true"}, headers=auth)
    assert response.status_code == 202, response.text


class _Form:
    """The parts of a multipart form `checked_files` asks for."""

    def __init__(self, files: list[tuple[str, object]]) -> None:
        self.files = files

    def getlist(self, key: str) -> list[object]:
        return [item for role, item in self.files if role == key]


async def _checked_sizes(archives: list[bytes], limit: int) -> int:
    from starlette.datastructures import Headers, UploadFile

    items = [
        (
            "manuscript",
            UploadFile(
                io.BytesIO(data),
                filename=f"p{n}.zip",
                headers=Headers({"content-type": "application/zip"}),
            ),
        )
        for n, data in enumerate(archives)
    ]
    files = await checked_files(_Form(items), max_expanded=limit)  # type: ignore[arg-type]
    return sum(len(f.content) for f in files)


@pytest.mark.anyio
@pytest.mark.parametrize("count", [2, 5, 20])
async def test_what_a_request_unpacks_never_passes_the_budget(count: int) -> None:
    """However many archives: the bytes accepted stay within the one limit (or the
    request is refused), never `count` times it."""
    archives = [_project(f"p{n}", LIMIT // 2) for n in range(count)]
    assert all(project_files("p.zip", a, LIMIT) for a in archives)  # each alone fits
    try:
        accepted = await _checked_sizes(archives, LIMIT)
    except UploadRejected as refused:
        assert refused.status == 413
        return
    assert accepted <= LIMIT


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
