"""REG003 year-mismatch."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from citeaudit.audit_data import AuditData, Phase
from citeaudit.matching.record_years import reconcile, registry_years
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.rules.base import Rule
from citeaudit.rules.resolution._common import disagreeing_citations, resolved, year_record


class YearMismatch(Rule):
    """The entry's year is none of the years the registry's dates give the work.

    Why: a wrong year breaks author-year citations and makes the work hard to find.
    Registries date a work several ways -- print, online-first, the issue's, a
    preprint's posting -- and authors legitimately cite any of them, so only a year no
    date gives is reported (the one exception: the year after an online-only date, for
    an article in no issue yet, whose print year is still to come). Text, list and
    record are reconciled in one step: when the text's year is a date of the work and
    the list's is not, the message says the list entry is the one that is wrong; when
    the text is wrong, citation-year-mismatch says so at the citation instead.

    Example: the text cites (Brückner, 2019), the list has ``year = {2017}``, and the
    record's print date is 2019: "the text says 2019, the list says 2017, Crossref's
    print date is 2019 -- the list entry is wrong".

    Fix: give the entry the year the text uses when the registry confirms it, else the
    year of the version cited (usually the print year).
    """

    name = "year-mismatch"
    code = "REG003"
    severity = Severity.WARNING
    phase = Phase.RESOLUTION
    summary = "The entry's year differs from every date the registry gives the work."

    def check(self, data: AuditData) -> Iterable[Finding]:
        disagreeing = disagreeing_citations(data)
        for ref, resolution in resolved(data):
            record = year_record(ref, resolution)
            if record is None or ref.year is None:
                continue
            dates = registry_years(record)
            if not dates.by_year or dates.allows(ref.year):
                continue
            cited = [c.year for c in disagreeing.get(ref.id, ()) if c.year is not None]
            fitting = Counter(y for y in cited if dates.allows(y))
            text_year = (fitting or Counter(cited)).most_common(1)[0][0] if cited else None
            if text_year is not None:
                rec = reconcile(text_year, ref.year, record)
                message = (
                    f"Year {ref.year} of the entry for DOI {ref.doi}: "
                    f"{rec.evidence(text_year, ref.year)} -- {rec.verdict}"
                )
                year = rec.suggestion
            else:
                message = (
                    f"Year {ref.year} differs from every date of DOI {ref.doi}: {dates.dated()}"
                )
                year = dates.preferred
            if year is None:
                continue
            also = " (and the citations' years)" if text_year is not None and not fitting else ""
            yield self.finding(
                message,
                ref.location,
                reference=ref.id,
                fix=Fix(f"Change the entry's year to {year}{also}", replacement=str(year)),
            )
