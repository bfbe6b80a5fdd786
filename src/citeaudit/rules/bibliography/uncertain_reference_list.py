"""uncertain-reference-list: a reference list whose entry count rests on guesses."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.rules.base import Rule


class UncertainReferenceList(Rule):
    """Says how a manuscript's own reference list was cut into entries when the cut is a guess.

    Why: a list written as plain text has no markup between entries. When entries are
    hard-wrapped with nothing between them, or lines that stood alone were joined to the
    entry before, two short entries may have been read as one (or one long entry as
    two): every later entry shifts, and numeric citations point at the wrong work. The
    other findings are only as good as this count, so the editor is told once, with the
    count, instead of discovering it through odd uncited or missing findings.

    Example: a Chicago-style list hard-wrapped at 80 columns with no blank lines between
    entries: "54 entries, wrapped lines; 3 line(s) read as the continuation of the entry
    before" -- compare with the list's own count.

    Fix: number the entries, or separate them with blank lines (or one entry per
    paragraph in Word), and audit again.
    """

    name = "uncertain-reference-list"
    code = "BIB004"
    severity = Severity.INFO
    summary = "Reference list whose entries were told apart by guesswork"

    def check(self, data: AuditData) -> Iterable[Finding]:
        for document in data.manuscripts:
            layout = document.reference_layout
            if layout is None or not layout.uncertain or document.reference_heading is None:
                continue
            count = len(document.reference_entries)
            yield self.finding(
                f"the reference list was cut into {layout.describe(count)}: where entries "
                "start was partly guessed; check that the count matches the list",
                document.reference_heading,
                fix=Fix("Number the entries or separate them with blank lines"),
            )
