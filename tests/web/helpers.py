"""Uploading through the page's form and waiting for the audit, in-process."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

HOSTILE = (
    "# A study\n\nAs shown before (Evil, 2020).\n\n## References\n\n"
    '- Evil, E. (2020). <script>alert("x")</script> "Quoted" & <b>bold</b>. '
    "*Journal of Tests*, 1(1), 1-2. <javascript:alert(1)>\n"
    "- Other, O. (2019). <img src=x onerror=alert(2)> Never cited. Press.\n"
)


def upload(
    client: TestClient,
    csrf: str,
    text: str = HOSTILE,
    name: str = "paper.md",
    bibliography: str | None = None,
) -> str:
    """Uploads offline (nothing leaves the machine); returns the new audit's id.
    `bibliography`: a BibTeX file sent beside the manuscript (`refs.bib`)."""
    files = [("manuscript", (name, text.encode("utf-8"), "text/markdown"))]
    if bibliography is not None:
        files.append(("bibliography", ("refs.bib", bibliography.encode("utf-8"), "text/plain")))
    response = client.post(
        "/web/audits",
        data={"csrf": csrf},  # no "resolve"/"links" boxes ticked: offline
        files=files,
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert location.startswith("/web/audits/")
    return location.rsplit("/", 1)[1]


def wait_done(client: TestClient, audit_id: str, timeout: float = 30.0) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    status: dict[str, object] = {}
    while time.monotonic() < deadline:
        status = client.get(f"/web/audits/{audit_id}/status").json()
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.05)
    raise AssertionError(f"audit not finished: {status}")
