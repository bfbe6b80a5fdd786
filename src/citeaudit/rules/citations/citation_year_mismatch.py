"""citation-year-mismatch: text and list disagree on the year of the same work."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.rules.base import Rule
from citeaudit.rules.citations._describe import describe_citation, describe_reference


class CitationYearMismatch(Rule):
    """Checks that a citation's year is the year of the entry it names.

    Why: a wrong year sends the reader to the wrong edition or the wrong work; it is
    also the commonest trace of a citation typed from memory.

    Example: the text cites "(Lowndes, 2018)"; the list has "Lowndes, V. (2017)" and
    no Lowndes 2018.

    Fix: make the two agree -- usually the citation is wrong, so the fix offers the
    entry's year; check the source if unsure.
    """

    name = "citation-year-mismatch"
    code = "CIT004"
    severity = Severity.ERROR
    summary = "Citation year differs from the year of the matching entry"

    def check(self, data: AuditData) -> Iterable[Finding]:
        refs = {r.id: r for r in data.references}
        citations = {c.id: c for c in data.citations}
        for match in data.matches:
            if match.targets or not match.year_mismatch:
                continue
            cit = citations[match.citation_id]
            candidates = [refs[t] for t in match.year_mismatch if t in refs]
            if not candidates:
                continue
            cited_year = f"{cit.year}{cit.year_suffix or ''}" if cit.year else "n.d."
            listed = "; ".join(
                f"{describe_reference(r)} at line {r.location.line}" for r in candidates
            )
            fix = None
            if len(candidates) == 1 and candidates[0].year_label:
                year = candidates[0].year_label
                fix = Fix(f"Change the citation's year to {year} (or correct the entry)", year)
            yield self.finding(
                f"{describe_citation(cit)} gives the year {cited_year}, "
                f"but the reference list has {listed}",
                cit.location,
                citation=cit.id,
                reference=candidates[0].id,
                fix=fix,
            )
