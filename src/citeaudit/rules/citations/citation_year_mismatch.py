"""citation-year-mismatch: text and list disagree on the year of the same work."""

from __future__ import annotations

import re
from collections.abc import Iterable

from citeaudit.audit_data import AuditData
from citeaudit.matching.record_years import Outcome, Reconciliation, reconcile
from citeaudit.matching.years import translation_year
from citeaudit.model.citation import Citation
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.model.publication_status import STATUS
from citeaudit.model.reference import Reference
from citeaudit.rules.base import Rule
from citeaudit.rules.citations._describe import describe_citation, describe_reference
from citeaudit.rules.citations._life_dates import are_life_dates
from citeaudit.rules.resolution._common import year_record


class CitationYearMismatch(Rule):
    """Checks that a citation's year is the year of the entry it names.

    Why: a wrong year sends the reader to the wrong edition or the wrong work; it is
    also the commonest trace of a citation typed from memory. Once the registries have
    been asked, text, list and the DOI's record are reconciled in one step: when the
    record's dates confirm the list, the citation is wrong (reported here, fix at the
    citation); when they confirm the text, the list entry is wrong (year-mismatch
    reports it at the entry, and this rule is silent); when both years are dates of the
    work (online-first and print), the citation should follow the list.

    Example: the text cites "(Lowndes, 2018)"; the list has "Lowndes, V. (2017)" and
    no Lowndes 2018.

    A person's name with life dates ("the botanist Hal Quenby (1862–1934)") is no
    citation with a wrong year, though the list holds that person's works.

    A translation's entry dated by the original's year and naming the cited year as
    its imprint ("Brekov, M. (1934). Título. Traducción de L. Ruiz. Madrid, 1995." cited
    "(Brekov, 1995)") is the work cited, but APA asks for both years and publishers
    count the one as a disagreement: reported at info, with the citation giving both.

    Fix: make the two agree -- the entry's year, unless the registry says the entry
    is the one that is wrong; check the source if unsure.
    """

    name = "citation-year-mismatch"
    code = "CIT004"
    severity = Severity.ERROR
    summary = "Citation year differs from the year of the matching entry"

    def check(self, data: AuditData) -> Iterable[Finding]:
        refs = {r.id: r for r in data.references}
        citations = {c.id: c for c in data.citations}
        for match in data.matches:
            if len(match.targets) == 1 and match.targets[0] in refs:
                cit = citations[match.citation_id]
                note = _translation_note(self, cit, refs[match.targets[0]])
                if note is not None:
                    yield note
                continue
            if match.targets or not match.year_mismatch:
                continue
            cit = citations[match.citation_id]
            if are_life_dates(cit):
                continue  # "Hal Quenby (1862–1934)": a person's life, not a wrong year
            candidates = [refs[t] for t in match.year_mismatch if t in refs]
            if not candidates:
                continue
            cited_year = _cited_year(cit)
            listed = "; ".join(
                f"{describe_reference(r)} at line {r.location.line}" for r in candidates
            )
            fix = None
            if len(candidates) == 1 and candidates[0].year_label:
                year = candidates[0].year_label
                fix = Fix(f"Change the citation's year to {year} (or correct the entry)", year)
            message = (
                f"{describe_citation(cit)} gives the year {cited_year}, "
                f"but the reference list has {listed}"
            )
            rec = _reconciled(cit.year, candidates, data)
            if rec is not None:
                if rec.outcome is Outcome.LIST_WRONG:
                    continue  # year-mismatch reports it at the entry, where the fix goes
                assert cit.year is not None and candidates[0].year is not None
                message += f": {rec.evidence(cit.year, candidates[0].year)} -- {rec.verdict}"
                if rec.suggestion is not None:
                    year = str(rec.suggestion)
                    fix = Fix(f"Change the citation's year to {year}", year)
            yield self.finding(
                message,
                cit.location,
                citation=cit.id,
                reference=candidates[0].id,
                fix=fix,
            )


_STATUS = re.compile(STATUS)


def _translation_note(rule: Rule, cit: Citation, ref: Reference) -> Finding | None:
    """The info finding for a citation of a translation's entry by the imprint's year
    alone: "(Brekov, 1995)" for "Brekov (1934) ... Traducción de ..., 1995"."""
    original = translation_year(cit, ref)
    if original is None or cit.year is None:
        return None
    both = f"{original}/{cit.year}"
    written = cit.item or cit.text
    suggested = written.replace(str(cit.year), both, 1)
    if not suggested.startswith("(") and "(" not in suggested:
        suggested = f"({suggested})"
    message = (
        f"{describe_citation(cit)} gives the year {cit.year}, the translation's in "
        f"{describe_reference(ref)} at line {ref.location.line}, which is dated by the "
        f"original's year {original}: cite it as {suggested}, or give the entry's year "
        f"as the citation's"
    )
    fix = Fix(f"Cite it as {suggested} (both years)", both)
    return rule.finding(
        message, cit.location, citation=cit.id, reference=ref.id, fix=fix, severity=Severity.INFO
    )


def _cited_year(cit: Citation) -> str:
    """The year as the citation gives it: "2019a", "n.d.", or its status ("in press",
    "no prelo") -- "(Gomes, in press)" gives no "n.d."."""
    if cit.year is not None:
        return f"{cit.year}{cit.year_suffix or ''}"
    status = _STATUS.search(cit.item or cit.text)
    return f'"{status.group(0)}"' if status else "n.d."


def _reconciled(
    text_year: int | None, candidates: list[Reference], data: AuditData
) -> Reconciliation | None:
    """Text, list and registry together, when one entry with a DOI record is named."""
    if text_year is None or len(candidates) != 1:
        return None
    ref = candidates[0]
    if ref.year is None or ref.year == text_year:
        return None  # a suffix slip ('2019a' for '2019b'): the registry cannot tell
    record = year_record(ref, data.resolutions.get(ref.id))
    if record is None:
        return None
    rec = reconcile(text_year, ref.year, record)
    return None if rec.outcome in (Outcome.UNKNOWN, Outcome.AGREE) else rec
