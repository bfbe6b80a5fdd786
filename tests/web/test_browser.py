"""The editors' page in a real headless Chromium, against a real `citeaudit serve`.

Signs in, drops the example manuscript (its links moved to the loopback farm), watches
the progress, finds the uncited reference and the broken link, filters by severity,
downloads the JSON, and saves screenshots (tmp_path and test-output/web/). A 410-entry
audit: the errors are on the first screen, in English and Indonesian (screenshots of
both languages go to test-output/web/ and tmp_path).

One browser and one served process for the module's tests (they were two modules
with one of each): each test opens its own browser context, so no cookie, storage
or download of one is seen by the other.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import OUTPUT, Served
from tests.web.demo import UNCITED, demo_text
from tests.web.test_triage import long_audit_files

pytestmark = [pytest.mark.slow]


class Shots:
    def __init__(self, page: Any, tmp_path: Path) -> None:
        self.page = page
        self.dirs = [tmp_path / "screenshots", OUTPUT]
        for d in self.dirs:
            d.mkdir(parents=True, exist_ok=True)

    def take(self, name: str, full: bool = True, element: Any = None) -> None:
        data = element.screenshot() if element is not None else self.page.screenshot(full_page=full)
        for d in self.dirs:
            (d / f"{name}.png").write_bytes(data)


def drop_file(page: Any, zone: int, name: str, text: str) -> None:
    """A real drop event on the upload zone, carrying the file, as a drag would."""
    page.evaluate(
        """([zone, name, text]) => {
            const dt = new DataTransfer();
            dt.items.add(new File([text], name, {type: "text/markdown"}));
            const target = document.querySelectorAll("[data-drop]")[zone];
            const init = {dataTransfer: dt, bubbles: true, cancelable: true};
            for (const type of ["dragenter", "dragover", "drop"]) {
                target.dispatchEvent(new DragEvent(type, init));
            }
        }""",
        [zone, name, text],
    )


def test_editor_audits_a_manuscript_in_chromium(
    browser: Any, served: Served, tmp_path: Path
) -> None:
    text = demo_text(served.farm)
    broken = served.farm.url("site", "/gone404")
    context = browser.new_context(
        accept_downloads=True, viewport={"width": 1280, "height": 900}, locale="en-GB"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    shots = Shots(page, tmp_path)

    page.goto(f"{served.url}/web/audits")
    assert "/web/sign-in" in page.url
    page.get_by_label("API token").fill("cit_not-a-real-token")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").inner_text().startswith("That token is not valid")
    page.get_by_label("API token").fill(served.tokens["a"])
    shots.take("01-sign-in")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/web/audits")
    cookie = next(c for c in context.cookies() if c["name"] == "citeaudit_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"

    drop_file(page, 0, "manuscript.md", text)
    assert page.locator(".chosen li").first.inner_text().startswith("manuscript.md")
    shots.take("02-upload")
    page.get_by_role("button", name="Start the audit").click()
    page.wait_for_url(re.compile(r".*/web/audits/[0-9a-f]{32}$"))

    # still working (the registry phase is slowed down): the poll updates the page
    page.wait_for_function(
        """() => document.querySelector("h2#summary-heading") !== null
            || /parts checked/.test(document.querySelector("[data-live-text]").textContent)"""
    )
    if page.locator("[data-live-text]").count():
        shots.take("03-progress", full=False)
    page.get_by_role("heading", name="Summary").wait_for(timeout=60_000)
    assert not page.locator("[data-live]").count()
    shots.take("04-audit")
    shots.take("04-audit-top", full=False)

    uncited = page.locator("article.ref", has_text=UNCITED)
    assert uncited.count() == 1
    assert "never cited" in uncited.inner_text()
    dead = page.locator("article.ref", has_text=broken)
    assert "LNK001" in dead.inner_text() and "404" in dead.inner_text()
    assert dead.locator("mark.m-error").inner_text() == broken
    archived = dead.locator(".actions").get_by_role("link", name=re.compile(r"web\.archive\.org"))
    assert "gone404" in (archived.get_attribute("href") or "")
    assert page.locator(".registry tr.differs").count() >= 1  # the registry's version
    shots.take("06-broken-link", element=dead)
    shots.take(
        "07-registry", element=page.locator("article.ref", has=page.locator(".registry")).first
    )
    assert page.locator("figure.chart svg rect").count() >= 3

    page.get_by_label("Severity").select_option("warning")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**severity=warning**")
    assert page.locator("article.ref", has_text=UNCITED).count() == 1
    assert page.locator(".findings .badge-error").count() == 0
    assert page.locator(".findings .badge-warning").count() >= 1
    shots.take("05-filtered-warnings")

    with page.expect_download() as info:
        page.get_by_role("link", name="JSON").click()
    download = info.value
    saved = tmp_path / "report.json"
    download.save_as(saved)
    report = json.loads(saved.read_text("utf-8"))
    codes = {(f["code"], f.get("url")) for f in report["findings"]}
    assert ("LNK001", broken) in codes
    assert any(code == "CIT001" for code, _ in codes)

    if page.get_by_role("button", name="Watch this audit").count():  # with citeaudit.watch
        page.get_by_label("Collection").fill("Issue 7")
        page.get_by_role("button", name="Watch this audit").click()
        page.get_by_role("button", name="Stop watching").wait_for()
        shots.take("08-watching", element=page.locator("#watch"))

    page.goto(page.url.split("#")[0])  # keyboard: the first Tab reaches the skip link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    assert errors == [], errors
    context.close()


def _upload_long_audit(page: object, served: Served, tmp_path: Path) -> None:
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
    browser: Any, served: Served, tmp_path: Path
) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    _upload_long_audit(page, served, tmp_path)
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
