"""A PDF through the web page's form and the API's upload check: accepted as a
manuscript, refused as a bibliography or when damaged, and its places shown as pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.api.uploads import UploadRejected, check_upload
from tests.manuscript.test_pdf_reader import one_column
from tests.web.conftest import App, app  # noqa: F401 -- the in-process web app fixture
from tests.web.helpers import wait_done


def test_a_pdf_is_accepted_as_a_manuscript(tmp_path: Path) -> None:
    data = one_column(tmp_path / "paper.pdf").read_bytes()
    new = check_upload("manuscript", "paper.pdf", "application/pdf", data, max_expanded=1 << 20)
    assert (new.name, new.kind) == ("paper.pdf", "pdf")


def test_a_pdf_is_accepted_as_a_bibliography(tmp_path: Path) -> None:
    """As `citeaudit check --bib refs.pdf` reads its reference list."""
    data = one_column(tmp_path / "paper.pdf").read_bytes()
    new = check_upload("bibliography", "refs.pdf", "application/pdf", data, max_expanded=1 << 20)
    assert (new.role, new.name, new.kind) == ("bibliography", "refs.pdf", "pdf")


def test_a_damaged_pdf_upload_is_refused_at_once() -> None:
    with pytest.raises(UploadRejected, match="damaged PDF") as caught:
        check_upload(
            "manuscript", "x.pdf", "application/pdf", b"%PDF-1.7\n1 0 obj <<", max_expanded=1
        )
    assert caught.value.status == 422


def test_the_web_page_audits_a_pdf_and_shows_pages(app: App, tmp_path: Path) -> None:  # noqa: F811
    csrf = app.sign_in("a")
    data = one_column(tmp_path / "paper.pdf").read_bytes()
    response = app.client.post(
        "/web/audits",
        data={"csrf": csrf},
        files=[("manuscript", ("paper.pdf", data, "application/pdf"))],
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    audit_id = response.headers["location"].rsplit("/", 1)[1]
    assert wait_done(app.client, audit_id)["status"] == "done"
    html = app.client.get(f"/web/audits/{audit_id}").text
    assert "Yani" in html
    assert "p. 2" in html  # the uncited entry stands on page 2
