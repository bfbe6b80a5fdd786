"""The running service for the hostile-upload tests: a secret planted beside its scratch
folders, an account, and one call that uploads files and waits for the audit.

The system temporary folder is pointed into the test's own folder, so the scratch
folders of every audit (and of every fixed-file download) lie in ``<base>/scratch`` and
``../../outside/secret.bib`` from one of them reaches the planted secret.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings
from tests.service.processes import CLOSED

MARK = "QZ9PLANTEDTEXT"
SECRET_BIB = f"@article{{hiddenkey, author={{Hidden, A.}}, title={{{MARK}}}, year={{2001}}}}\n"
SECRET_TEX = f"Secret {MARK} text \\cite{{hiddenkey}}.\n"
REFUSED = "outside the audit's own files"


@dataclass(frozen=True)
class Site:
    client: TestClient
    auth: dict[str, str]
    base: Path

    @property
    def outside(self) -> Path:
        return self.base / "outside"

    def submit(self, files: list[tuple[str, tuple[str, bytes]]]) -> str:
        """Upload `files` for an offline audit; the audit's URL once it is done."""
        response = self.client.post(
            "/api/v1/audits", files=files, data={"offline": "true"}, headers=self.auth
        )
        assert response.status_code == 202, response.text
        url = str(response.json()["url"])
        deadline = time.monotonic() + 60  # a hang guard only; nothing asserts on time
        status = self.client.get(url, headers=self.auth).json()
        while status["status"] not in ("done", "failed") and time.monotonic() < deadline:
            time.sleep(0.05)
            status = self.client.get(url, headers=self.auth).json()
        assert status["status"] == "done", status
        return url

    def report(self, url: str) -> dict[str, Any]:
        answer = self.client.get(f"{url}/report?format=json", headers=self.auth)
        assert answer.status_code == 200, answer.text
        result: dict[str, Any] = answer.json()
        return result


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    base = tmp_path_factory.mktemp("upload-site")
    (base / "outside").mkdir()
    (base / "outside" / "secret.bib").write_text(SECRET_BIB, encoding="utf-8")
    (base / "outside" / "secret.tex").write_text(SECRET_TEX, encoding="utf-8")
    (base / "scratch").mkdir()
    settings = ServiceSettings(
        database_url=f"sqlite:///{base / 'site.db'}",
        cache_dir=base / "cache",
        crossref_url=CLOSED,
        doi_url=CLOSED,
        datacite_url=CLOSED,
        archive_url=CLOSED,
        embedded_workers=1,
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(base / "scratch"))
        app = create_app(settings)
        with TestClient(app, raise_server_exceptions=False) as client:
            auth = {"Authorization": f"Bearer {app.state.repo.create_token('uploads')}"}
            yield Site(client, auth, base)
