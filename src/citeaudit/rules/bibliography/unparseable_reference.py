"""unparseable-reference: part of a bibliography file that could not be read."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.rules.base import Rule


class UnparseableReference(Rule):
    """Reports every part of a bibliography file that could not be read as an entry.

    Why: an entry the reader cannot parse is missing from the audit *and* from the
    typeset paper (BibTeX skips it too), so every citation of it breaks; an
    undecodable line garbles names and titles. The other entries are still read.

    Example: ``title = {An unbalanced {brace,`` in ``refs.bib`` line 11: the entry
    ``broken2021`` is left out; or a line saved as Windows-1252 in a UTF-8 file.

    Fix: correct the entry at the reported line (balance the braces, close the
    quotes, add the missing ``ER  -`` tag, save the file as UTF-8), as the message says.
    """

    name = "unparseable-reference"
    code = "BIB002"
    severity = Severity.ERROR
    summary = "Bibliography entry or line that could not be read"

    def check(self, data: AuditData) -> Iterable[Finding]:
        for bibliography in data.bibliographies:
            for problem in bibliography.problems:
                yield self.finding(
                    problem.message,
                    problem.location,
                    fix=Fix("Correct the bibliography file at this line so it can be read"),
                )
