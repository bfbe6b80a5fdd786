"""A 410-entry audit in Chromium: the errors are on the first screen, in English and Indonesian.

Screenshots of both languages go to test-output/web/ (and tmp_path).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.browser import chromium
from tests.web.conftest import OUTPUT, Served
from tests.web.test_triage import long_audit_files

pytestmark = [pytest.mark.slow]


def _upload(page: object, served: Served, tmp_path: Path) -> None:
    tex, bib = long_audit_files()
    (tmp_path / "paper.tex").write_text(tex, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    page.goto(f"{served.url}/web/audits")  # type: ignore[attr-defined]
    page.get_by_label("API token").fill(served.tokens["a"])  # type: ignore[attr-defined]
    page.get_by_role("button", name="Sign in").click()  # type: ignore[attr-defined]
    page.wait_for_url("**/web/audits")  # type: ignore[attr-defined]
    page.locator("#manuscript").set_input_files(str(tmp_path / "paper.tex"))  # type: ignore[attr-defined]
    page.locator("#bibliography").set_input_files(str(tmp_path / "refs.bib"))  # type: ignore[attr-defined]
    page.get_by_label("Compare with Crossref and DataCite").uncheck()  # type: ignore[attr-defined]
    page.get_by_label("Check every link and DOI").uncheck()  # type: ignore[attr-defined]
    page.get_by_role("button", name="Start the audit").click()  # type: ignore[attr-defined]
    page.get_by_role("heading", name="Summary").wait_for(timeout=60_000)  # type: ignore[attr-defined]


def test_long_audit_errors_on_the_first_screen_in_both_languages(
    served: Served, tmp_path: Path
) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        _upload(page, served, tmp_path)
        audit_url = page.url

        # the missing citation and the malformed DOI are both seen without scrolling
        page.screenshot(path=str(OUTPUT / "10-long-audit-en.png"))
        first = page.locator(".first-errors li")
        assert first.count() == 2
        assert "nokey" in first.nth(0).inner_text()
        assert first.nth(1).get_by_role("link").get_attribute("href") == "#ref-405"
        for i in range(2):
            box = first.nth(i).bounding_box()
            assert box is not None and box["y"] + box["height"] <= 900, box
        assert page.locator("table.problems tbody tr").count() == 386
        first_card = page.locator("article.ref[id^='ref-']").first
        assert first_card.get_attribute("id") == "ref-405"
        assert "BIB" in first_card.inner_text()
        page.screenshot(path=str(tmp_path / "10-long-audit-en.png"))

        # the table's jump link brings the error's card into view
        table = page.locator("details.problem-table")
        if table.get_attribute("open") is None:
            table.locator("summary").click()
        page.locator("table.problems a[href='#ref-405']").click()
        card = page.locator("#ref-405").bounding_box()
        assert card is not None and -2 < card["y"] < 900, card  # scrolled to: at the top
        # a count opens its filtered view: the errors alone, no uncited entries
        page.goto(audit_url)
        page.locator("a.count-error").click()
        page.wait_for_url("**severity=error")
        cards = page.locator("article.ref[id^='ref-']")
        assert cards.count() == 1 and cards.first.get_attribute("id") == "ref-405"
        assert "nokey" in page.locator("#loose-h").locator("..").inner_text()
        page.screenshot(path=str(OUTPUT / "13-long-audit-errors-only-en.png"))
        page.goto(audit_url)

        page.get_by_role("link", name="Bahasa Indonesia").click()
        page.wait_for_url(audit_url)
        assert page.locator("html").get_attribute("lang") == "id"
        assert page.get_by_role("heading", name="Temuan per referensi").count() == 1
        box = page.locator("#first-errors-h").bounding_box()
        assert box is not None and box["y"] <= 900
        assert "Galat yang perlu" in page.locator("#first-errors-h").inner_text()
        page.screenshot(path=str(OUTPUT / "11-long-audit-id.png"))
        page.screenshot(path=str(OUTPUT / "12-long-audit-id-full.png"), full_page=True)
        assert errors == [], errors
        context.close()
