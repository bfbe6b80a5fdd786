"""REG002 doi-mismatch."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData, Phase
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.rules.base import Rule
from citeaudit.rules.resolution._common import describe, describe_entry, with_doi_record


class DoiMismatch(Rule):
    """The DOI belongs to a different work than the entry describes.

    Why: readers who follow the DOI land on another paper; the citation silently
    credits the wrong work. Reported only when the titles are unrelated and the first
    author does not appear on the registry's record, so a shortened title, a
    subtitle left out or a preprint-vs-journal version is not called a mismatch.

    Example: an entry for LeCun et al. (2015) "Deep learning" with the DOI
    10.1038/nature14236, which is Mnih et al., "Human-level control through deep
    reinforcement learning".

    Fix: replace the DOI with the one of the work the entry describes, or correct the
    entry if the DOI is the work meant.
    """

    name = "doi-mismatch"
    code = "REG002"
    severity = Severity.ERROR
    phase = Phase.RESOLUTION
    summary = "The DOI points to a different work than the entry describes."

    def check(self, data: AuditData) -> Iterable[Finding]:
        for ref, record, comparison in with_doi_record(data):
            if not comparison.different_work:
                continue
            yield self.finding(
                f"DOI {ref.doi} belongs to {describe(record)}, not to the work this entry "
                f"describes, {describe_entry(ref)}",
                ref.location,
                reference=ref.id,
                fix=Fix("Replace the DOI with the one of the work described, or fix the entry"),
            )
