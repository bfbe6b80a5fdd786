"""Every report format the CLI writes, rendered once when an audit is finished."""

from __future__ import annotations

import logging

from citeaudit.audit_data import AuditResult
from citeaudit.report.json import JsonReporter

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
