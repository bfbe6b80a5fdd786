from __future__ import annotations

import json

import markupsafe
import pytest

from citeaudit.audit_data import AuditResult
from citeaudit.errors import ConfigurationError
from citeaudit.report.formats import REPORTERS, get_reporter
from citeaudit.report.html import HtmlReporter
from citeaudit.report.interface import Reporter
from citeaudit.report.json import JsonReporter
from citeaudit.report.sarif import SarifReporter
from citeaudit.report.text import TextReporter


def test_every_format_is_registered_under_its_own_name() -> None:
    assert set(REPORTERS) == {"text", "json", "html", "sarif", "github", "gitlab"}
    for name, cls in REPORTERS.items():
        assert cls.format == name
        assert cls.media_type and cls.extension.startswith(".")


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("text", TextReporter),
        ("JSON", JsonReporter),
        (" html ", HtmlReporter),
        ("sarif", SarifReporter),
    ],
)
def test_get_reporter_returns_an_instance(name: str, cls: type[Reporter]) -> None:
    reporter = get_reporter(name)
    assert type(reporter) is cls


def test_unknown_format_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match=r"unknown report format 'xml'.*sarif"):
        get_reporter("xml")


def test_each_format_says_what_it_found(result: AuditResult) -> None:
    """Every format carries every finding's code and message."""
    for name in REPORTERS:
        out = get_reporter(name).render(result)
        if name in {"json", "sarif"}:
            json.loads(out)
        for finding in result.findings:
            assert finding.code in out, (name, finding.code)
            message = str(markupsafe.escape(finding.message)) if name == "html" else finding.message
            assert message in out, (name, finding.message)
