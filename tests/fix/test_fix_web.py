"""The editors' page offers the uploaded file with its safe fixes made (issue 17)."""

from __future__ import annotations

from tests.web.conftest import App, app  # noqa: F401  (the fixture)
from tests.web.helpers import upload, wait_done

PAPER = (
    "# A study\n\nAs shown before (Doe, 2020).\n\n## References\n\n"
    "- Doe, J. (2020). A title. *Journal of Tests*, 1(1), 1-2. "
    "http://dx.doi.org/10.5555/tests.1.1\n"
)


def test_page_offers_the_fixed_file(app: App) -> None:  # noqa: F811
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, PAPER, "paper.md")
    assert wait_done(app.client, audit_id)["status"] == "done"
    page = app.client.get(f"/web/audits/{audit_id}").text
    link = f"/web/audits/{audit_id}/fixed/paper.md"
    assert link in page
    fixed = app.client.get(link)
    assert fixed.status_code == 200
    assert fixed.headers["x-citeaudit-fixes"] == "1"
    assert fixed.content == PAPER.replace("http://dx.doi.org/", "https://doi.org/").encode()
    app.sign_in("b")
    assert app.client.get(link).status_code == 404
