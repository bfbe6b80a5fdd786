"""A resolution phase that holds each chunk until the test lets it go: no sleeps.

Run by the worker when a test's env holds
`fake_phases("tests.security.fair32_held_phases:enrichers")`; `FAIR32_HOLD_DIR` names
a folder: each chunk writes `started-<n>` there when it begins, waits for `release`,
then writes `ended-<n>`. A test counts the files (which steps began, which ended) and
decides when the held steps end -- events, not the machine's speed.
"""

from __future__ import annotations

import dataclasses
import os
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

from citeaudit.audit_data import AuditData, Phase, PhaseStatus
from citeaudit.enrichment import Enricher
from citeaudit.model.resolution import Resolution, ResolutionState
from citeaudit.phases import PhaseOptions
from citeaudit.settings import Settings

SAFETY_NET = 120.0  # real seconds a held chunk waits at most (only when a test hangs)


def _folder() -> Path:
    return Path(os.environ["FAIR32_HOLD_DIR"])


class HeldResolver(Enricher):
    phase = Phase.RESOLUTION

    def enrich(self, data: AuditData) -> AuditData:
        folder = _folder()
        mark = uuid.uuid4().hex
        with (folder / "order.log").open("a") as order:  # the chunks' DOIs, as they start
            order.write(" ".join(str(r.doi) for r in data.references) + "\n")
        (folder / f"started-{mark}").write_text(",".join(r.id for r in data.references))
        give_up = time.monotonic() + SAFETY_NET
        while not (folder / "release").exists() and time.monotonic() < give_up:
            time.sleep(0.05)
        found = {
            r.id: Resolution(r.id, ResolutionState.SKIPPED, reason="test") for r in data.references
        }
        (folder / f"ended-{mark}").write_text("")
        return dataclasses.replace(
            data,
            resolutions={**data.resolutions, **found},
            phases=(*data.phases, PhaseStatus(Phase.RESOLUTION, done=True)),
        )


def enrichers(settings: Settings, options: PhaseOptions) -> Sequence[Enricher]:
    return [HeldResolver()] if options.resolve else []


def count(folder: Path, prefix: str) -> int:
    return sum(1 for p in folder.iterdir() if p.name.startswith(prefix))
