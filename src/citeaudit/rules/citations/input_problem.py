"""unreadable-input: part of the manuscript could not be read."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.rules.base import Rule


class InputProblemRule(Rule):
    """Reports parts of the manuscript that could not be read.

    Why: a citation inside a missing ``\\input`` file, or a bibliography named by
    ``\\bibliography{}`` that is not there, silently changes every other verdict
    (entries look uncited, citations look missing); the editor must know the audit
    saw less than the whole paper.

    Example: ``main.tex`` says ``\\input{chapters/method}`` and the file does not exist.

    A file that cannot be read at all (binary, not a DOCX, missing) is an error and
    makes the CLI exit with 2; the other inputs are still audited.

    Fix: add the missing file or correct its name.
    """

    name = "unreadable-input"
    code = "INP001"
    severity = Severity.WARNING
    summary = "Part of the input could not be read"

    def check(self, data: AuditData) -> Iterable[Finding]:
        for problem in data.input_problems:
            yield self.finding(
                problem.message,
                problem.location,
                fix=Fix("Add or correct the missing or unreadable file"),
                severity=Severity.ERROR if problem.unreadable else None,
            )
