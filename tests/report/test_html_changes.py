"""The HTML report's optional "Changes since the audit" section (no store involved)."""

from __future__ import annotations

from datetime import UTC, datetime

from citeaudit.audit_data import AuditResult
from citeaudit.model.codec import from_data, to_data
from citeaudit.report.changes import ChangeEntry, ChangeKind, ChangeNotice, ChangesSection
from citeaudit.report.formats import get_reporter
from citeaudit.report.html import HtmlReporter

from .builders import SCRIPT
from .test_html import parse

T = datetime(2031, 3, 4, 5, 6, tzinfo=UTC)
SINCE = datetime(2031, 3, 1, 9, 30, tzinfo=UTC)


def section() -> ChangesSection:
    return ChangesSection(
        since=datetime(2031, 1, 1, tzinfo=UTC),
        entries=(
            ChangeEntry(ChangeKind.RECOVERED, T, ("lee2020",), url="https://ok.example/back"),
            ChangeEntry(
                ChangeKind.NEWLY_BROKEN,
                T,
                ("smith2019",),
                url="https://example.org/things?q=" + SCRIPT,
                since=SINCE,
                status=404,
            ),
            ChangeEntry(
                ChangeKind.STILL_BROKEN, T, (SCRIPT,), url="javascript:alert(1)", since=SINCE
            ),
            ChangeEntry(
                ChangeKind.NEWLY_RETRACTED,
                T,
                ("smith2019",),
                doi="10.1000/xyz",
                notice=ChangeNotice("retraction", "10.1000/ret", "publisher", "2031-03-02"),
            ),
        ),
    )


def test_no_section_without_changes(result: AuditResult) -> None:
    html = HtmlReporter().render(result)
    assert 'id="changes"' not in html and "Changes since the audit" not in html
    assert get_reporter("html").render(result) == html  # what `citeaudit check` writes


def test_section_is_grouped_dated_linked_and_escaped(result: AuditResult) -> None:
    html = HtmlReporter().render(result, changes=section())
    page = parse(html)
    assert page.errors == [] and page.stack == []
    text = page.all_text()
    assert "Changes since the audit" in text and "changes since 2031-01-01 00:00 UTC" in text
    order = [
        text.index(t) for t in ("Newly broken links (1)", "Still broken (1)", "Recovered links (1)")
    ]
    assert order == sorted(order) and "Newly retracted works (1)" in text
    assert "New editorial notices" not in text  # empty groups are left out
    assert html.index('id="changes"') < html.index('id="findings"')
    assert "2031-03-04 05:06 UTC" in text and "HTTP 404; broken since 2031-03-01 09:30 UTC" in text
    assert "since 2031-03-01 09:30 UTC" in text
    assert "retraction 10.1000/ret (publisher), dated 2031-03-02" in text
    assert SCRIPT not in html and "&lt;script&gt;" in html
    hrefs = page.attrs("href")
    assert "https://doi.org/10.1000/xyz" in hrefs and "https://ok.example/back" in hrefs
    assert not any(h.startswith("javascript:") for h in hrefs)
    assert "javascript:alert(1)" in text  # shown as text, not followed


def test_empty_section_says_nothing_changed(result: AuditResult) -> None:
    html = HtmlReporter().render(result, changes=ChangesSection(since=None))
    assert "Changes since the audit" in html and "No changes" in html


def test_a_stored_result_renders_the_same_page_with_changes(
    result: AuditResult, empty_result: AuditResult
) -> None:
    for audit in (result, empty_result):
        stored = from_data(AuditResult, to_data(audit))  # as the service keeps it
        for changes in (section(), ChangesSection(since=None), None):
            assert HtmlReporter.with_changes(stored, changes) == HtmlReporter().render(
                audit, changes=changes
            )
