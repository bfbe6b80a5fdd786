"""An audit's reports, rendered from its stored typed result when asked.

The store keeps the finished `AuditResult` (the model's codec), not report bodies:
every format the CLI writes is rendered from it, so a report always has today's
layout, and a watched audit's HTML report is composed with a "Changes since the audit"
section from the watch history.
"""

from __future__ import annotations

from citeaudit.report.formats import get_reporter
from citeaudit.report.html import HtmlReporter
from citeaudit.service.heavy import heavy_slot
from citeaudit.store.repository import Repository
from citeaudit.watch.report_section import audit_section

FORMATS = ("json", "html", "sarif", "text")


def served_report(
    repo: Repository, account: int, audit_id: str, fmt: str
) -> tuple[str, str] | None:
    """(media type, body) of the audit's report in `fmt`; None until it is finished,
    or for a format the service does not serve. Rendered a few at a time in a process
    (`heavy_slot`): a large audit's report takes seconds of CPU and tens of MB."""
    if fmt not in FORMATS:
        return None
    with heavy_slot():
        return _rendered(repo, account, audit_id, fmt)


def _rendered(repo: Repository, account: int, audit_id: str, fmt: str) -> tuple[str, str] | None:
    result = repo.result(audit_id)
    if result is None:
        return None
    if fmt == HtmlReporter.format:
        changes = audit_section(repo, account, audit_id)
        return HtmlReporter.media_type, HtmlReporter.with_changes(result, changes)
    reporter = get_reporter(fmt)
    return reporter.media_type, reporter.render(result)
