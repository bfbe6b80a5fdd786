"""redirected-link: a URL that has moved permanently."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData, Phase
from citeaudit.model.finding import Applicability, Finding, Fix, Severity
from citeaudit.model.link import LinkOutcome
from citeaudit.rules.base import Rule
from citeaudit.rules.links._common import checks_with_references


class RedirectedLink(Rule):
    """Reports a URL that the site says has moved for good (301 or 308).

    Only permanent moves count, followed hop by hop to where they end; temporary
    redirects (302, 303, 307: sessions, load balancers, DOI resolution) are normal
    and not reported. A permanent move to the home or a login page is a broken-link.

    Why: the old address works today but depends on the redirect being kept; the
    new one is what the site itself asks us to use.

    Example: ``http://example.org/paper`` answers 301 to
    ``https://www.example.org/papers/paper``.

    Fix: replace the URL with the final one.
    """

    name = "redirected-link"
    code = "LNK002"
    severity = Severity.INFO
    phase = Phase.LINKS
    summary = "URL has moved permanently"

    def check(self, data: AuditData) -> Iterable[Finding]:
        for link, ref in checks_with_references(data, LinkOutcome.REDIRECTED):
            final = link.final_url or link.url
            yield self.finding(
                f"Link {link.url} has moved permanently to {final}",
                ref.location,
                reference=ref.id,
                url=link.url,
                fix=Fix(
                    title=f"Replace the URL with {final}",
                    replacement=final,
                    applicability=Applicability.SAFE,  # the site's own permanent move
                ),
            )
