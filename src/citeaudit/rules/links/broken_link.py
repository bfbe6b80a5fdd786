"""broken-link: a URL or DOI that leads nowhere."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData, Phase
from citeaudit.link_reasons import describe
from citeaudit.model.finding import Applicability, Finding, Fix, Severity
from citeaudit.model.link import LinkOutcome
from citeaudit.rules.base import Rule
from citeaudit.rules.links._common import checks_with_references


class BrokenLink(Rule):
    """Reports a reference's URL or DOI that is dead.

    Dead means the site or registry said so: 404 or 410, a host name that does not
    resolve while other names do, a refused connection, a permanent redirect to the
    site's home or login page, a "not found" page served with 200 (a soft 404,
    detected by comparing with a surely-absent URL on the same host), a DOI that the
    DOI resolver does not know, or a registered DOI whose target page is dead. What we
    merely could not check (bot walls, 401, 429, timeouts, our own network) is never
    reported here but as unverified-link.

    Why: a reader who follows the reference finds nothing; editors forward these to
    authors, so each one must be certain.

    Example: ``https://example.org/report.pdf`` answers 404 Not Found.

    Fix: replace the URL with the work's current address, its DOI, or the archived
    copy offered (the Wayback Machine's closest snapshot), or remove it.
    """

    name = "broken-link"
    code = "LNK001"
    severity = Severity.ERROR
    phase = Phase.LINKS
    summary = "URL or DOI is dead"

    def check(self, data: AuditData) -> Iterable[Finding]:
        for link, ref in checks_with_references(data, LinkOutcome.BROKEN):
            if link.archive_url:
                fix = Fix(
                    title=f"Replace the URL with the archived copy {link.archive_url}",
                    replacement=link.archive_url,
                    applicability=Applicability.UNSAFE,
                )
            else:
                fix = Fix(title="Replace the URL with the work's current address, or remove it")
            yield self.finding(
                f"Broken link {link.url}: {describe(link.reason)}",
                ref.location,
                reference=ref.id,
                url=link.url,
                fix=fix,
            )
