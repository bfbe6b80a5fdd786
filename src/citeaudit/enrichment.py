"""The network phases' extension point: resolution and link checks enrich audit data.

The offline core builds `AuditData`; an Enricher adds what a network phase learns
(resolutions, link checks) and records a `PhaseStatus` saying whether it ran and, if
not, why. The same enrichers run in-process for the CLI and inside Celery tasks for
the service.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar

from citeaudit.audit_data import AuditData, Phase


class Enricher(ABC):
    phase: ClassVar[Phase]

    @abstractmethod
    def enrich(self, data: AuditData) -> AuditData:
        """Return `data` with this phase's results and a PhaseStatus added.

        Must not raise for network trouble: a registry or site that cannot be asked
        gives a PhaseStatus(done=False, reason=...) or per-item "failed"/"unverified"
        results, never an exception.
        """

    def close(self) -> None:
        """Let go of what the phase holds open (a registry's connection pool), so a
        finished run leaves no socket behind. Nothing by default."""
        return None

    @staticmethod
    def close_all(enrichers: Sequence[Enricher]) -> None:
        for enricher in enrichers:
            enricher.close()
