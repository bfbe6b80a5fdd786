"""REG005 missing-doi."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData, Phase
from citeaudit.model.finding import Applicability, Finding, Fix, Severity
from citeaudit.model.resolution import ResolutionState
from citeaudit.rules.base import Rule
from citeaudit.rules.resolution._common import describe, resolved


class MissingDoi(Rule):
    """The entry has no DOI, but a registry record confidently matches it.

    Why: a DOI is the one link to a work that does not rot, and many styles require
    it. A suggestion is made only when exactly one record agrees on the title, the
    first author and the year (any of print, online, issued) and is the same version
    (preprint or published) -- a wrong DOI is worse than none.

    Example: ``LeCun, Y., Bengio, Y. & Hinton, G. (2015). Deep learning. Nature, 521,
    436-444.`` -> add ``https://doi.org/10.1038/nature14539``.

    Fix: add the DOI (check it leads to the work you cite).
    """

    name = "missing-doi"
    code = "REG005"
    severity = Severity.INFO
    phase = Phase.RESOLUTION
    summary = "A confident registry match gives a DOI the entry lacks."

    def check(self, data: AuditData) -> Iterable[Finding]:
        for ref, resolution in resolved(data):
            if (
                ref.doi
                or resolution.state is not ResolutionState.RESOLVED
                or not resolution.doi
                or resolution.record is None
            ):
                continue
            yield self.finding(
                f"No DOI, but {describe(resolution.record)} matches this entry: "
                f"DOI {resolution.doi}",
                ref.location,
                reference=ref.id,
                fix=Fix(
                    f"Add the DOI {resolution.doi}",
                    replacement=resolution.doi,
                    applicability=Applicability.SAFE,  # one confident match, see above
                ),
            )
