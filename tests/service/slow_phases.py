"""Deterministic, slow network phases for the service tests: no network at all.

Run by the service's processes when a test's env holds
`fake_phases("tests.service.slow_phases:enrichers")` (tests.service.processes);
CITEAUDIT_TEST_DELAY sets the seconds each reference takes.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Sequence

from citeaudit.audit_data import AuditData, Phase, PhaseStatus
from citeaudit.enrichment import Enricher
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.model.resolution import Resolution, ResolutionState
from citeaudit.phases import PhaseOptions
from citeaudit.settings import Settings


def _delay() -> float:
    return float(os.environ.get("CITEAUDIT_TEST_DELAY", "0"))


class SlowResolver(Enricher):
    phase = Phase.RESOLUTION

    def enrich(self, data: AuditData) -> AuditData:
        found = {}
        for ref in data.references:
            time.sleep(_delay())
            state = ResolutionState.RESOLVED if ref.doi else ResolutionState.SKIPPED
            found[ref.id] = Resolution(ref.id, state, doi=ref.doi, reason="test")
        return dataclasses.replace(
            data,
            resolutions={**data.resolutions, **found},
            phases=(*data.phases, PhaseStatus(Phase.RESOLUTION, done=True)),
        )


class SlowLinks(Enricher):
    phase = Phase.LINKS

    def enrich(self, data: AuditData) -> AuditData:
        checks = []
        for ref in data.references:
            time.sleep(_delay())
            checks.extend(
                LinkCheck(url, LinkOutcome.OK, status=200, reference_ids=(ref.id,))
                for url in ref.urls
            )
        return dataclasses.replace(
            data,
            links=(*data.links, *checks),
            phases=(*data.phases, PhaseStatus(Phase.LINKS, done=True)),
        )


def enrichers(settings: Settings, options: PhaseOptions) -> Sequence[Enricher]:
    out: list[Enricher] = []
    if options.resolve:
        out.append(SlowResolver())
    if options.links:
        out.append(SlowLinks())
    return out
