"""REG001 doi-not-found."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData, Phase
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.model.resolution import ResolutionState
from citeaudit.rules.base import Rule
from citeaudit.rules.resolution._common import resolved


class DoiNotFound(Rule):
    """The entry's DOI is registered nowhere.

    Why: a DOI that resolves nowhere sends readers to an error page, and is a common
    sign of a typo or of a fabricated reference. Only doi.org can say a DOI does not
    exist (Crossref holds only Crossref DOIs), so this is reported only when doi.org's
    Handle API answered "handle not found" -- never when a registry could not be asked.

    Example: ``doi = {10.1038/nature1453}`` (a digit lost from 10.1038/nature14539).

    Fix: copy the DOI again from the publisher's page of the work; remove it if the
    work has none.
    """

    name = "doi-not-found"
    code = "REG001"
    severity = Severity.ERROR
    phase = Phase.RESOLUTION
    summary = "The DOI is not registered at doi.org (nor held by Crossref or DataCite)."

    def check(self, data: AuditData) -> Iterable[Finding]:
        for ref, resolution in resolved(data):
            if (
                ref.doi
                and resolution.state is ResolutionState.NOT_FOUND
                and resolution.doi_registered is False
            ):
                yield self.finding(
                    f"DOI {ref.doi_raw or ref.doi} is not registered: doi.org has no such "
                    "DOI, and neither Crossref nor DataCite holds it",
                    ref.location,
                    reference=ref.id,
                    fix=Fix("Copy the DOI again from the publisher's page, or remove it"),
                )
