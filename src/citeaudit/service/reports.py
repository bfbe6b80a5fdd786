"""Every report format the CLI writes, rendered once when an audit is finished.

The stored reports are the record of the audit. A watched audit's HTML report is
served with a "Changes since the audit" section put in, from the watch history.
"""

from __future__ import annotations

import logging

from citeaudit.audit_data import AuditResult
from citeaudit.report.html import HtmlReporter
from citeaudit.report.json import JsonReporter
from citeaudit.store.repository import Repository
from citeaudit.watch.report_section import audit_section

log = logging.getLogger(__name__)

FORMATS = ("json", "html", "sarif", "text")


def render_all(result: AuditResult) -> list[tuple[str, str, str]]:
    """(format, media type, body) for each format the core can render."""
    out: list[tuple[str, str, str]] = []
    try:
        from citeaudit.report.formats import get_reporter
    except ImportError:  # the formats registry is optional while it is being written
        json_reporter = JsonReporter()
        return [("json", json_reporter.media_type, json_reporter.render(result))]
    for fmt in FORMATS:
        try:
            reporter = get_reporter(fmt)
        except (KeyError, ValueError):
            continue
        out.append((fmt, reporter.media_type, reporter.render(result)))
    if not any(fmt == "json" for fmt, _, _ in out):
        out.append(("json", "application/json", JsonReporter().render(result)))
    return out


def served_report(
    repo: Repository, account: int, audit_id: str, fmt: str
) -> tuple[str, str] | None:
    """(media type, body) of the audit's stored report in `fmt`, None when there is none.

    For a watched audit the HTML report also shows what changed since the audit.
    """
    stored = repo.report(audit_id, fmt)
    if stored is None or fmt != HtmlReporter.format:
        return stored
    changes = audit_section(repo, account, audit_id)
    if changes is None:
        return stored
    media_type, body = stored
    return media_type, HtmlReporter.with_changes(body, changes)
