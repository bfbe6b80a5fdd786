"""The service as the red-team tests start it: SQLite in a folder of the test's, and
every registry pointed at a closed loopback port, so no test reaches a real one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from citeaudit.settings import ServiceSettings
from tests.service.processes import CLOSED


def offline_settings(folder: Path, **overrides: Any) -> ServiceSettings:
    """Settings for an app whose store and cache live in `folder`; `overrides` win."""
    values: dict[str, Any] = {
        "database_url": f"sqlite:///{folder / 'service.db'}",
        "cache_dir": folder / "cache",
        "crossref_url": CLOSED,
        "doi_url": CLOSED,
        "datacite_url": CLOSED,
        "archive_url": CLOSED,
    }
    return ServiceSettings(**{**values, **overrides})


def signed_in(client: TestClient, token: str) -> str:
    """Sign `client` in to the page with `token`; the audits page's CSRF token."""
    from tests.web.conftest import csrf_of

    signed = client.post(
        "/web/sign-in",
        data={"token": token, "csrf": csrf_of(client.get("/web/sign-in").text)},
        follow_redirects=False,
    )
    assert signed.status_code == 303
    return csrf_of(client.get("/web/audits").text)
