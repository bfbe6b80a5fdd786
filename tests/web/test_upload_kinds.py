"""The upload form offers the readers' own suffixes, and a bibliography chosen in the
manuscript field is audited as one (it was read as text and "had no problems")."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from citeaudit.audit import AuditInput, audit
from citeaudit.bibliography.loading import bibliography_suffixes
from citeaudit.report.serialize import to_dict
from tests.web.conftest import App
from tests.web.helpers import upload, wait_done

_CSL = json.dumps(
    [
        {
            "id": "lee2019",
            "type": "article-journal",
            "title": "On matters",
            "author": [{"family": "Lee", "given": "Al"}],
            "issued": {"date-parts": [[2019]]},
            "DOI": "10.1234//not a doi",
        }
    ]
)


def test_the_bibliography_field_accepts_every_suffix_the_readers_read(app: App) -> None:
    app.sign_in("a")
    page = app.client.get("/web/audits").text
    found = re.search(r'id="bibliography"[^>]*accept="([^"]+)"', page)
    assert found is not None
    offered = set(html.unescape(found.group(1)).split(","))
    assert set(bibliography_suffixes()) <= offered and ".csl-json" in offered


def test_refs_csl_json_in_the_manuscript_field_is_audited_as_a_bibliography(app: App) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, _CSL, name="refs.csl-json")
    wait_done(app.client, audit_id)
    page = app.client.get(f"/web/audits/{audit_id}").text
    assert "1 references, 0 citations" in page
    assert "BIB003" in page  # the malformed DOI: the entry was read, and checked


def test_api_audits_a_windows_1252_file_as_the_cli_does(app: App, tmp_path: Path) -> None:
    """One decoding policy: the API once refused with 422 what the CLI audits with a
    warning on each line it had to read as Windows-1252."""
    text = (
        "# Studi\n\nSeperti kata Müller (2019).\n\n## Daftar Pustaka\n\n"
        "- Müller, A. (2019). Über Zitate. *Jurnal*, 1, 1-2.\n"
    )
    data = text.encode("utf-8").replace("Über".encode(), "Über".encode("cp1252"))
    path = tmp_path / "naskah.md"
    path.write_bytes(data)
    expected = to_dict(audit(AuditInput.from_paths([path]), []))
    app.sign_in("a")  # the page's status poll; the API reads the token
    app.client.headers["Authorization"] = f"Bearer {app.tokens['a']}"
    response = app.client.post(
        "/api/v1/audits",
        files=[("manuscript", (path.name, data, "text/markdown"))],
        data={"offline": "true"},
    )
    assert response.status_code == 202, response.text
    audit_id = response.json()["id"]
    assert wait_done(app.client, audit_id)["status"] == "done"
    served = app.client.get(f"/api/v1/audits/{audit_id}/report").json()

    def found(report: dict[str, Any]) -> list[tuple[str, str]]:
        return sorted((f["rule"], f["message"]) for f in report["findings"])

    assert found(served) == found(expected)
    assert any(r == "unreadable-input" and "1252" in m for r, m in found(served))
