"""Issue 12, 'a reference list on its own' on the web page: a list pasted into the
upload form's text box (no manuscript) is audited as a list, with its heading kept or
not, and its entries are never called uncited."""

from __future__ import annotations

import pytest

from tests.web.conftest import App
from tests.web.helpers import wait_done

_LIST = (
    "Okafor, N. (2012). Dry-season fires in the Sahel. Fire Ecology Letters, 3, 11-19.\n"
    "Lindqvist, A., & Moe, T. (2019). Grazing and fire. Rangeland Notes, 8, 40-52.\n"
    "Okafor, N. (2012). Dry-season fires in the Sahel. Fire Ecology Letters, 3, 11-19.\n"
)


@pytest.mark.parametrize("heading", ["", "References\n"])
def test_a_list_pasted_in_the_page_is_audited_on_its_own(app: App, heading: str) -> None:
    csrf = app.sign_in("a")
    response = app.client.post(
        "/web/audits",
        # the page's form is multipart; the text box arrives as a field without a name
        files={"csrf": (None, csrf), "reference_list": (None, heading + _LIST)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    audit_id = response.headers["location"].rsplit("/", 1)[1]
    assert wait_done(app.client, audit_id)["status"] == "done"
    page = app.client.get(f"/web/audits/{audit_id}").text
    assert "duplicate-reference" in page or "same work" in page
    assert "never cited" not in page
