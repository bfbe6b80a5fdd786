"""The audit page renders from the result it holds: it reads no upload's bytes and no
findings' rows again (for the fixed-file offer it did, most of a 2,000-reference
page's time)."""

from __future__ import annotations

from typing import Any

import pytest

from citeaudit.store.repository import Repository
from tests.web.conftest import App
from tests.web.helpers import upload, wait_done

PAPER = (
    "# A study\n\nAs shown before (Doe, 2020).\n\n## References\n\n"
    "- Doe, J. (2020). A title. *Journal of Tests*, 1(1), 1-2. "
    "http://dx.doi.org/10.5555/tests.1.1\n"
)


def test_the_page_offers_fixes_without_reading_the_uploads_again(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, PAPER, "paper.md")
    assert wait_done(app.client, audit_id)["status"] == "done"
    app.client.get(f"/web/audits/{audit_id}")  # the result decoded once, as any view does

    def refused(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("the page read the stored rows again")

    for name in ("files", "typed_findings", "findings"):
        monkeypatch.setattr(Repository, name, refused)
    page = app.client.get(f"/web/audits/{audit_id}")
    assert page.status_code == 200
    assert f"/web/audits/{audit_id}/fixed/paper.md" in page.text
