"""The audit page's links are made by the report's one link rule (`safe_href`).

The page once had its own `web_link`, which took any text starting "http://" as an
address: a tab inside it (a browser drops it and goes elsewhere) or no host at all
still became a link. These addresses must stay text on the page as in the report.
"""

from __future__ import annotations

import pytest

from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.model.location import Location
from citeaudit.web.view import finding_item, suggestions

UNSAFE = [
    "http://exa\tmple.org/page",  # read by a browser as another host
    "http://",  # no host
    "javascript:alert(1)",
    " JAVASCRIPT:alert(1)",
    "//evil.example/x",
]


@pytest.mark.parametrize("url", UNSAFE)
def test_an_unsafe_final_url_is_not_suggested(url: str) -> None:
    check = LinkCheck(url="http://a.example/", outcome=LinkOutcome.REDIRECTED, final_url=url)
    assert suggestions([check], []) == []


@pytest.mark.parametrize("url", UNSAFE)
def test_an_unsafe_replacement_stays_text(url: str) -> None:
    finding = Finding(
        rule="link-redirected",
        code="LNK002",
        severity=Severity.INFO,
        message="moved",
        location=Location(file="paper.md", line=3),
        fix=Fix(title=f"Use {url}", replacement=url),
    )
    item = finding_item(finding)
    assert item.fix is not None and item.fix.href is None


def test_a_plain_address_is_a_link() -> None:
    check = LinkCheck(
        url="http://a.example/", outcome=LinkOutcome.REDIRECTED, final_url="https://b.example/x"
    )
    [suggestion] = suggestions([check], [])
    assert suggestion.link.href == "https://b.example/x"
