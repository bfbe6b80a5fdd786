"""`citeaudit serve` says where its page and its data are, never the database password."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest

from citeaudit.cli import service as cli_service
from citeaudit.links.backends import service_backends
from citeaudit.store.db import display_url


def test_display_url_masks_the_password() -> None:
    shown = display_url("postgresql+psycopg://citeaudit:s3cr%40t-pw@db.example:5432/audits")
    assert "s3cr" not in shown and "%40t-pw" not in shown
    assert shown == "postgresql+psycopg://citeaudit:***@db.example:5432/audits"
    assert display_url("sqlite:////home/ed/.local/share/citeaudit/citeaudit.db") == (
        "sqlite:////home/ed/.local/share/citeaudit/citeaudit.db"
    )
    assert "secret" not in display_url("://secret@@")


def test_serve_prints_the_page_and_the_data_without_the_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = "postgresql+psycopg://citeaudit:hunter2-very-secret@127.0.0.1:9/audits"
    monkeypatch.setenv("CITEAUDIT_DATABASE_URL", url)
    monkeypatch.setenv("CITEAUDIT_DATA_DIR", str(tmp_path))
    ran: dict[str, Any] = {}

    def fake_app(settings: object) -> str:
        ran["settings"] = settings
        return "app"

    monkeypatch.setattr("citeaudit.server.create_app", fake_app)
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: ran.update(app=app, **kw))
    # run_serve adds the port it serves on to our own services: kept to this test
    monkeypatch.setattr(service_backends, "backends", service_backends.backends)
    args = argparse.Namespace(host="127.0.0.1", port=8123, log_level="info")
    assert cli_service.run_serve(args) == 0
    err = capsys.readouterr().err
    assert "http://127.0.0.1:8123/web/" in err
    assert "citeaudit:***@127.0.0.1:9/audits" in err
    assert "hunter2" not in err
    assert ran["app"] == "app" and ran["port"] == 8123
