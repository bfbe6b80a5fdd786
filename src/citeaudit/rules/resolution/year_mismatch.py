"""REG003 year-mismatch."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData, Phase
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.resolve.matching import YearFit
from citeaudit.rules.base import Rule
from citeaudit.rules.resolution._common import with_doi_record


class YearMismatch(Rule):
    """The entry's year is none of the years the registry gives the work.

    Why: a wrong year breaks author-year citations and makes the work hard to find.
    Registries date a work several ways -- print, online-first, issued -- and authors
    legitimately cite any of them, so an online-first year one earlier than the print
    year is not a mismatch; nor is the year after an online-only date (the print issue
    may not be in the record yet).

    Example: ``year = {2017}`` for 10.1038/nature14539, published online and in print
    in 2015.

    Fix: use the year of the version cited (usually the print year).
    """

    name = "year-mismatch"
    code = "REG003"
    severity = Severity.WARNING
    phase = Phase.RESOLUTION
    summary = "The entry's year differs from every date the registry gives the work."

    def check(self, data: AuditData) -> Iterable[Finding]:
        for ref, record, comparison in with_doi_record(data):
            if comparison.year is not YearFit.OFF or comparison.different_work:
                continue
            if comparison.container is False:
                continue  # a preprint's DOI on a journal entry: metadata-mismatch explains it
            years = sorted(set(record.years or ((record.year,) if record.year else ())))
            shown = " and ".join(str(y) for y in years)
            suggestion = str(years[-1])
            yield self.finding(
                f"Year {ref.year} differs from the registry's record of DOI {ref.doi}, "
                f"dated {shown}",
                ref.location,
                reference=ref.id,
                fix=Fix(
                    f"Change the year to {suggestion}"
                    if len(years) == 1
                    else f"Change the year to one of {shown}",
                    replacement=suggestion if len(years) == 1 else None,
                ),
            )
