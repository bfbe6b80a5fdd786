"""unverified-link: a URL or DOI we could not check, and why."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData, Phase
from citeaudit.link_reasons import describe
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.model.link import LinkOutcome
from citeaudit.rules.base import Rule
from citeaudit.rules.links._common import checks_with_references


class UnverifiedLink(Rule):
    """Reports a URL or DOI whose state we could not tell, with the reason.

    Reasons: a bot wall (a 403 with ``cf-mitigated`` or a challenge page), a login
    (401, or a redirect to a login page), 429 Too Many Requests after our retries, a
    timeout, a TLS failure, a reset connection, a private address we refuse to
    check, or our own network being down. None of these says the link is dead.

    Why: the editor should know which links were not actually checked, so that
    "no broken links" is never read as "all links checked".

    Example: ``https://www.example-publisher.com/doi/10.1000/x`` answers 403 with
    ``cf-mitigated: challenge``.

    Fix: open the link in a browser; if it works, nothing needs to change.
    """

    name = "unverified-link"
    code = "LNK003"
    severity = Severity.INFO
    phase = Phase.LINKS
    summary = "URL or DOI could not be checked"

    def check(self, data: AuditData) -> Iterable[Finding]:
        for link, ref in checks_with_references(data, LinkOutcome.UNVERIFIED):
            yield self.finding(
                f"Link {link.url} could not be checked: {describe(link.reason)}",
                ref.location,
                reference=ref.id,
                url=link.url,
                fix=Fix(title="Open the link in a browser to check it by hand"),
            )
