"""Red team: a request path that writes terminal escapes into the service's log.

uvicorn decodes the path (``%1B`` is ESC) before the application sees it, and the
API's last-resort handler logged it as is: ``GET /api/v1/audits/x%1B%5B2K%E2%80%AE``
put an erase-line sequence and a bidi override into the log an operator reads with
``tail -f`` or ``docker logs`` (uvicorn's own access log quotes the path; ours did
not). Line feeds are already dropped by Starlette's URL parsing. The path is logged
with its controls shown as escapes.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from starlette.requests import Request

from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings


def test_unexpected_error_log_shows_the_paths_controls(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(ServiceSettings(database_url=f"sqlite:///{tmp_path / 'l.db'}"))
    handler = app.exception_handlers[Exception]
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/api/v1/audits/x\n2026-12-05 INFO admin signed in\r\x1b[2K\u202e",
        "raw_path": b"/api/v1/audits/x",
        "query_string": b"",
        "headers": [],
        "scheme": "http",
        "server": ("testserver", 80),
    }
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        with caplog.at_level(logging.ERROR, logger="citeaudit"):
            answer = asyncio.run(handler(Request(scope), exc))  # type: ignore[arg-type]
    assert answer.status_code == 500
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("citeaudit")]
    assert messages, "nothing logged"
    for message in messages:
        assert "\n" not in message and "\r" not in message and "\x1b" not in message, message
        assert "\u202e" not in message
        assert "\\x1b[2K\\u202e" in message
