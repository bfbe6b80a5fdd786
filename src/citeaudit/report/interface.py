"""The report format extension point: one module per format."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, TextIO

from citeaudit.audit_data import AuditResult


class Reporter(ABC):
    format: ClassVar[str]  # "text", "json", "html", "sarif"
    media_type: ClassVar[str]
    extension: ClassVar[str]

    @abstractmethod
    def render(self, result: AuditResult, *, color: bool = False) -> str: ...

    def write(self, result: AuditResult, stream: TextIO, *, color: bool = False) -> None:
        """The report to a text stream; a format whose reports grow large streams it."""
        stream.write(self.render(result, color=color))
