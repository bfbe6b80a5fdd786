"""The editors' page in headless Chromium takes a PDF: chosen in the file field, audited,
and its findings placed by page ("p. 2")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.manuscript.test_pdf_reader import one_column
from tests.web.browser import chromium
from tests.web.conftest import Served, farm, served  # noqa: F401 -- fixtures

pytestmark = [pytest.mark.slow]


def test_editor_audits_a_pdf_in_chromium(served: Served, tmp_path: Path) -> None:  # noqa: F811
    pdf = one_column(tmp_path / "balance.pdf")
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"{served.url}/web/audits")
        page.get_by_label("API token").fill(served.tokens["a"])
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/web/audits")
        assert ".pdf" in (page.locator("#manuscript").get_attribute("accept") or "")
        page.locator("#manuscript").set_input_files(str(pdf))
        page.get_by_role("button", name="Start the audit").click()
        page.wait_for_url(re.compile(r".*/web/audits/[0-9a-f]{32}$"))
        page.get_by_role("heading", name="Summary").wait_for(timeout=60_000)
        uncited = page.locator("article.ref", has_text="Yani")
        assert uncited.count() == 1
        assert "p. 2" in uncited.inner_text()
        assert errors == [], errors
        context.close()
