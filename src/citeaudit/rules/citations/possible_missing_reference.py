"""possible-missing-reference: a name before a year, in a citing context, that no entry has."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData
from citeaudit.model.citation import Certainty
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.rules.base import Rule
from citeaudit.rules.citations._cited import matched_citations
from citeaudit.rules.citations._describe import describe_citation
from citeaudit.rules.citations._grouping import group_by_work, other_places
from citeaudit.rules.citations._life_dates import are_life_dates, is_span_after_one_name
from citeaudit.rules.citations._pending import cites_pending_work


class PossibleMissingReference(Rule):
    """Checks narrative citations that no reference-list entry confirms.

    Why: ``See also Thompson (2015)`` cites a work as surely as ``(Thompson, 2015)``
    does; if the list lacks it, the reader cannot find it. But a capitalised word
    before a year in parentheses is as often a place or an event ("Georgia (1993)",
    "the Rio Summit (1992)"), so silence would hide real omissions and an error would
    cry wolf.

    Example: "See also Thompson (2015) for the method." with no Thompson entry.

    Reported only when the words around it are how writers cite -- a cue before the
    name ("see", "cf.", "according to", "segundo", "menurut", ...), a reporting verb
    after the year ("showed", "argued", "afirma", ...), or a possessive
    ("Thompson's (2015)") -- and never for one name that is also a month or a common
    word. Severity warning, one step below missing-reference's error: the extractor
    is confident enough to ask the editor to look, not to call it a defect. The same
    name and year cited several times is one finding listing the places.

    A sure citation of a work not yet accepted ("(Lee, in prep.)", "(Ortiz et al.,
    submitted)", "(Sousa, em preparação)") with no entry is reported here too, not as
    missing-reference: many styles and journals leave such works out of the list.

    One name with a span of years ("Nancy Adams 1969–1987", "MS (2001–2008)") is
    as often a period of service as a work in parts: without an entry it is reported
    here too.

    Fix: add the work to the reference list, or, if it is not a citation, ignore it.
    """

    name = "possible-missing-reference"
    code = "CIT005"
    severity = Severity.WARNING
    summary = "Narrative citation that may have no entry in the reference list"

    def check(self, data: AuditData) -> Iterable[Finding]:
        matched = matched_citations(data.matches)
        candidates = [
            c
            for c in data.citations
            if c.id not in matched
            and not are_life_dates(c)
            and (
                c.certainty is Certainty.CANDIDATE
                or (
                    c.certainty is Certainty.SURE
                    and (cites_pending_work(c) or is_span_after_one_name(c))
                )
            )
        ]
        for group in group_by_work(candidates):
            cit = group[0]
            if cit.certainty is Certainty.SURE and is_span_after_one_name(cit):
                what = (
                    f"{describe_citation(cit)} gives a span of years after one name, and "
                    "no entry in the reference list has this author; it may be the "
                    "years a person served or worked rather than a work"
                )
            elif cit.certainty is Certainty.SURE:
                what = (
                    f"{describe_citation(cit)} cites a work not yet published, and no "
                    "entry in the reference list has this author; list it if the "
                    "journal's style lists such works"
                )
            else:
                what = (
                    f"{describe_citation(cit)} looks like a citation, but no entry in the "
                    "reference list has this author"
                )
            yield self.finding(
                what + other_places(group),
                cit.location,
                citation=cit.id,
                fix=Fix("Add the cited work to the reference list if it is a citation"),
            )
