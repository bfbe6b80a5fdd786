"""The fixed bibliography as a download from the API (issue 17): the embedded service,
a real `citeaudit serve` process, serves the uploaded file with its safe fixes made."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.service.conftest import Server, embedded  # noqa: F401  (the fixture)
from tests.service.helpers import submit, wait_done

pytestmark = [pytest.mark.services, pytest.mark.slow]

PAPER = "# Things\n\nAs shown before [@smith2020] and [@lee2019].\n"
REFS = (
    "% the authors' own layout\n"
    "@article{smith2020,\n  author = {Smith, Ann},\n  title = {On things},\n"
    "  journal = {J},\n  year = {2020},\n  doi = {10.5555/x\\_1}\n}\n\n"
    "@book{lee2019,\n    author    = {Lee, Bo},\n    title     = {Other things},\n"
    "    publisher = {P},\n    year      = {2019}\n}\n"
)


def test_fixed_bibliography_download(embedded: Server, tmp_path: Path) -> None:  # noqa: F811
    paper, refs = tmp_path / "paper.md", tmp_path / "refs.bib"
    paper.write_text(PAPER, "utf-8")
    refs.write_bytes(REFS.encode("utf-8"))
    with embedded.client() as client:
        audit_id = submit(client, [paper], [refs], offline="true")
        assert wait_done(client, audit_id)["status"] == "done"
        response = client.get(f"/api/v1/audits/{audit_id}/fixed/refs.bib")
        assert response.status_code == 200, response.text
        assert response.headers["x-citeaudit-fixes"] == "1"
        assert 'filename="refs.bib"' in response.headers["content-disposition"]
        assert response.content == REFS.replace("x\\_1", "x_1").encode("utf-8")
        unchanged = client.get(f"/api/v1/audits/{audit_id}/fixed/paper.md")
        assert unchanged.content == PAPER.encode("utf-8")
        assert unchanged.headers["x-citeaudit-fixes"] == "0"
        missing = client.get(f"/api/v1/audits/{audit_id}/fixed/other.bib")
        assert missing.status_code == 404
    with embedded.client("b") as other:  # another account sees nothing of it
        assert other.get(f"/api/v1/audits/{audit_id}/fixed/refs.bib").status_code == 404
