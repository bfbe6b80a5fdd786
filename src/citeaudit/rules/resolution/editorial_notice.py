"""REG008 editorial-notice."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData, Phase
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.rules.base import Rule
from citeaudit.rules.resolution._notices import notice_text, notices

KINDS = frozenset(
    {
        "partial_retraction",
        "correction",
        "erratum",
        "corrigendum",
        "expression_of_concern",
        "withdrawal",
        "removal",
    }
)


class EditorialNotice(Rule):
    """The cited work carries a correction, an expression of concern or a withdrawal.

    Why: a correction may change the very result being cited; an expression of
    concern warns that the work's reliability is in doubt; a withdrawal removes it.
    Authors should know before they rely on it. Retractions have their own rule.

    Example: 10.1038/s41592-019-0686-2 (SciPy 1.0) has the correction notice
    10.1038/s41592-020-0772-5.

    Fix: read the notice; cite the corrected version or the notice where it matters,
    or reconsider the citation.
    """

    name = "editorial-notice"
    code = "REG008"
    severity = Severity.WARNING
    phase = Phase.RESOLUTION
    summary = "The cited work has a correction, expression of concern or withdrawal."

    def check(self, data: AuditData) -> Iterable[Finding]:
        for ref, kind, doi, group in notices(data, KINDS):
            resolution = data.resolutions[ref.id]
            yield self.finding(
                f"The cited work {resolution.doi} has a {notice_text(kind, doi, group)}",
                ref.location,
                reference=ref.id,
                fix=Fix("Read the notice; cite the corrected version or the notice if it matters"),
            )
