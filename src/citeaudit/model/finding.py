"""What the audit reports: one problem, where it is, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from citeaudit.model.location import Location


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Applicability(StrEnum):
    """How far a fix can be trusted, after ruff: safe edits may be applied blindly."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display-only"


@dataclass(frozen=True, slots=True)
class Fix:
    title: str  # imperative: "Replace the DOI with 10.1000/xyz"
    replacement: str | None = None
    applicability: Applicability = Applicability.DISPLAY


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    code: str
    severity: Severity
    message: str
    location: Location
    reference: str | None = None
    citation: str | None = None
    url: str | None = None
    fix: Fix | None = None
