"""Submitting and polling audits over HTTP, as a client would."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx


def submit(
    client: httpx.Client,
    manuscripts: list[Path] = (),  # type: ignore[assignment]
    bibliographies: list[Path] = (),  # type: ignore[assignment]
    **options: str,
) -> str:
    files = [("manuscript", (p.name, p.read_bytes())) for p in manuscripts]
    files += [("bibliography", (p.name, p.read_bytes())) for p in bibliographies]
    response = client.post("/api/v1/audits", files=files, data=options)
    assert response.status_code == 202, response.text
    return str(response.json()["id"])


def wait_done(client: httpx.Client, audit_id: str, timeout: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    status: dict[str, Any] = {}
    while time.monotonic() < deadline:
        status = client.get(f"/api/v1/audits/{audit_id}").json()
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.2)
    raise AssertionError(f"audit {audit_id} not finished after {timeout}s: {status}")
