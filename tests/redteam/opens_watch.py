"""Every file a process opens and every folder it lists, while an upload is audited
through the real API, reported in every format and downloaded fixed.

One audit hook for the whole test process (hooks cannot be removed): it records only
while a test watches, so the red-team tests that name the server's files share it.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from tests.redteam.offline_service import offline_settings

FORMATS = ("json", "html", "text", "sarif", "csv")
_watching: list[list[str]] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if not _watching or event not in ("open", "os.scandir", "os.listdir") or not args:
        return
    if isinstance(args[0], str | bytes | os.PathLike):
        _watching[-1].append(os.fsdecode(args[0]))


sys.addaudithook(_hook)


@contextmanager
def scratch_server(tmp_path: Path, token_name: str) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """The offline service in-process, its uploads in `tmp_path`/scratch (beside
    whatever the test plants in `tmp_path`), and a token's header."""
    (tmp_path / "scratch").mkdir()
    settings = offline_settings(tmp_path, embedded_workers=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
        app = create_app(settings)
        with TestClient(app, raise_server_exceptions=False) as client:
            yield client, {"Authorization": f"Bearer {app.state.repo.create_token(token_name)}"}


def audited_through_api(
    client: TestClient, auth: dict[str, str], files: Any
) -> tuple[list[str], list[str]]:
    """(the paths opened or listed, every answer shown: the status, the findings, the
    report in each of FORMATS -- the JSON report third -- and each fixed file)."""
    opened: list[str] = []
    _watching.append(opened)
    try:
        response = client.post(
            "/api/v1/audits", files=files, data={"offline": "true"}, headers=auth
        )
        assert response.status_code == 202, response.text
        url = response.json()["url"]
        deadline = time.monotonic() + 120  # a hang guard only; nothing asserts on time
        status = client.get(url, headers=auth).json()
        while status["status"] not in ("done", "failed") and time.monotonic() < deadline:
            time.sleep(0.05)
            status = client.get(url, headers=auth).json()
        assert status["status"] == "done", status
        shown = [json.dumps(status), client.get(f"{url}/findings", headers=auth).text]
        for form in FORMATS:
            shown.append(client.get(f"{url}/report?format={form}", headers=auth).text)
        for name in status["files"]:
            shown.append(client.get(f"{url}/fixed/{quote(name, safe='')}", headers=auth).text)
    finally:
        _watching.remove(opened)
    return opened, shown
