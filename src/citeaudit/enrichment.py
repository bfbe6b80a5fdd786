"""The network phases' extension point: resolution and link checks enrich audit data.

The offline core builds `AuditData`; an Enricher adds what a network phase learns
(resolutions, link checks) and records a `PhaseStatus` saying whether it ran and, if
not, why. The same enrichers run in-process for the CLI and inside Celery tasks for
the service.

Every network phase is bounded per audit (`citeaudit.network_budget`): the budget is
applied here, to each subclass's `enrich`, so no enricher can be handed 200,000 URLs by
one upload.
"""

from __future__ import annotations

import functools
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import ClassVar

from citeaudit.audit_data import AuditData, Phase
from citeaudit.network_budget import DEFAULT_MAX_NETWORK_CHECKS, RAW_KEYS, apply
from citeaudit.target_keys import TargetKeys

_NETWORK = (Phase.RESOLUTION, Phase.LINKS)


class Enricher(ABC):
    phase: ClassVar[Phase]
    # Checks this phase may make for one audit (`default_enrichers` sets it from the
    # settings); what is past it is reported as not checked.
    max_checks: int = DEFAULT_MAX_NETWORK_CHECKS
    # When the whole run must have ended (`PhaseOptions.run_ends`): the phase takes its
    # share of what is left (`run_share.share_of_run`). None: no end but the phase's own.
    run_ends: float | None = None
    # How this phase names what it checks, so the budget counts checks, not spellings.
    budget_keys: ClassVar[TargetKeys] = RAW_KEYS

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("enrich")
        if callable(own):
            setattr(cls, "enrich", _budgeted(own))  # noqa: B010  (mypy: no method assignment)

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


def _budgeted(
    enrich: Callable[[Enricher, AuditData], AuditData],
) -> Callable[[Enricher, AuditData], AuditData]:
    """`enrich` handed no more than its phase's budget of the audit's checks.

    Idempotent: a subclass's `super().enrich(data)` sees data already within budget."""

    @functools.wraps(enrich)
    def bounded(self: Enricher, data: AuditData) -> AuditData:
        phase = getattr(self, "phase", None)
        if phase not in _NETWORK:
            return enrich(self, data)
        return apply(
            lambda part: enrich(self, part), data, phase, self.max_checks, self.budget_keys
        )

    return bounded
