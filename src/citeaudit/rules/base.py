"""The rule extension point: one rule per file, listed in `registry.py`."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import ClassVar

from citeaudit.audit_data import AuditData, Phase
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.model.location import Location


class Rule(ABC):
    """A deterministic check over audit data.

    Subclasses set `name` (kebab-case, stable), `code` (never reused), `severity`,
    `phase` (what data it needs) and `summary`; their docstring says what the rule
    checks, why it matters, an example and the fix. A test enforces all of that.
    """

    name: ClassVar[str]
    code: ClassVar[str]
    severity: ClassVar[Severity]
    phase: ClassVar[Phase] = Phase.OFFLINE
    summary: ClassVar[str]

    @abstractmethod
    def check(self, data: AuditData) -> Iterable[Finding]: ...

    def finding(
        self,
        message: str,
        location: Location,
        *,
        reference: str | None = None,
        citation: str | None = None,
        url: str | None = None,
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(
            rule=self.name,
            code=self.code,
            severity=severity or self.severity,
            message=message,
            location=location,
            reference=reference,
            citation=citation,
            url=url,
            fix=fix,
        )
