"""citations-not-recognised: almost no entry of the list is cited, said once."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.rules.base import Rule
from citeaudit.rules.citations._coverage import poor_coverage


class CitationsNotRecognised(Rule):
    """Checks that the citations read from the text cover the reference list.

    Why: when 80% or more of a manuscript's own reference list (at least five
    entries) is uncited, the cause is almost always a citation form that was not
    read -- Vancouver numbers in round brackets, superscripts, an unusual style --
    not dozens of forgotten works. One finding says so; uncited-reference then stays
    silent for that list instead of raising a warning per entry. A ``.bib`` database
    and papers citing by key are not summarised: there, uncited entries are normal and
    BibTeX's own verdicts are the reference.

    Example: a 30-entry list, and a text citing "(1)", "(2,3)", "(4-6)" in a form
    the audit did not take for citations: one finding, "28 of 30 entries ... the
    text has 41 numbers in round brackets".

    Fix: check the citation style; if the text really cites none of these works,
    cite them or remove them.
    """

    name = "citations-not-recognised"
    code = "CIT006"
    severity = Severity.WARNING
    summary = "Almost no reference-list entry is cited: citations probably not recognised"

    def check(self, data: AuditData) -> Iterable[Finding]:
        coverage = poor_coverage(data)
        if coverage is None:
            return
        location = coverage.entries[0].location
        for document in data.manuscripts:
            if document.reference_heading is not None:
                location = document.reference_heading
                break
        total = len(coverage.entries)
        yield self.finding(
            f"{coverage.uncited} of {total} reference-list entries are never cited "
            f"({coverage.citations} citations recognised in the text): "
            f"{coverage.hint} Entries are not reported one by one.",
            location,
            fix=Fix("Check how the text cites its sources, or cite or remove the entries"),
        )
