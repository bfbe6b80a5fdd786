"""The report formats by name, for the CLI's ``--format`` and the API's ``?format=``."""

from __future__ import annotations

from citeaudit.errors import ConfigurationError
from citeaudit.report.github import GithubReporter
from citeaudit.report.gitlab import GitlabReporter
from citeaudit.report.html import HtmlReporter
from citeaudit.report.interface import Reporter
from citeaudit.report.json import JsonReporter
from citeaudit.report.sarif import SarifReporter
from citeaudit.report.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    reporter.format: reporter
    for reporter in (
        TextReporter,
        JsonReporter,
        HtmlReporter,
        SarifReporter,
        GithubReporter,
        GitlabReporter,
    )
}


def get_reporter(name: str) -> Reporter:
    """A reporter for `name` ("text", "json", "html", "sarif"), case-insensitive."""
    try:
        return REPORTERS[name.strip().lower()]()
    except KeyError:
        known = ", ".join(REPORTERS)
        raise ConfigurationError(
            f"unknown report format {name!r}; choose one of: {known}"
        ) from None
