"""REG007 retracted-reference."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData, Phase
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.rules.base import Rule
from citeaudit.rules.resolution._notices import notice_text, notices


class RetractedReference(Rule):
    """The cited work has been retracted.

    Why: citing a retracted work as valid spreads findings that its own publisher
    has withdrawn. Crossref records retractions as ``updated-by`` entries of type
    ``retraction``, deposited by the publisher or taken from Retraction Watch; the
    message names the notice so it can be checked.

    Example: 10.1016/s0140-6736(97)11096-0 (Wakefield et al., 1998), retracted by
    the notice 10.1016/s0140-6736(10)60175-4 in 2010.

    Fix: remove the citation, or say in the text that the work was retracted and
    cite the retraction notice too.
    """

    name = "retracted-reference"
    code = "REG007"
    severity = Severity.ERROR
    phase = Phase.RESOLUTION
    summary = "The cited work has been retracted (Crossref / Retraction Watch)."

    def check(self, data: AuditData) -> Iterable[Finding]:
        for ref, kind, doi, group in notices(data, frozenset({"retraction"})):
            resolution = data.resolutions[ref.id]
            yield self.finding(
                f"The cited work {resolution.doi or ''} has been retracted: "
                f"{notice_text(kind, doi, group)}".replace("  ", " "),
                ref.location,
                reference=ref.id,
                fix=Fix("Remove the citation, or state the retraction and cite its notice"),
            )
