"""Network phases that misbehave, for the security tests: no network at all.

Selected with `fake_phases("tests.service.hostile_phases:<name>")`. Each runs as
the links phase of every chunk:

- `crash_with_path`: raises an error naming a file in the server's temp folder;
- `sleep`: sleeps far past any limit (a signal -- the soft time limit -- stops it);
- `stubborn`: swallows the soft time limit and keeps going, until the hard one kills it;
- `die`: kills its own process, as a segfault or the OOM killer would;
- `by_marker`: whichever of those a reference's text names (HOSTILE-SLEEP,
  HOSTILE-STUBBORN, HOSTILE-DIE, HOSTILE-CRASH), nothing for the others -- so one
  worker serves every test.
"""

from __future__ import annotations

import os
import signal
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from citeaudit.audit_data import AuditData, Phase
from citeaudit.enrichment import Enricher
from citeaudit.phases import PhaseOptions
from citeaudit.settings import Settings

FOREVER = 3600.0


class _Hostile(Enricher):
    phase = Phase.LINKS

    def misbehave(self) -> None:
        raise NotImplementedError

    def enrich(self, data: AuditData) -> AuditData:
        self.misbehave()
        return data


class CrashWithPath(_Hostile):
    def misbehave(self) -> None:
        secret = Path(tempfile.gettempdir()) / "citeaudit-scratch-x1y2z3" / "private" / "refs.bib"
        secret.read_text()  # FileNotFoundError naming the whole path


class Sleep(_Hostile):
    def misbehave(self) -> None:
        time.sleep(FOREVER)


class Stubborn(_Hostile):
    def misbehave(self) -> None:
        deadline = time.monotonic() + FOREVER
        while time.monotonic() < deadline:
            try:
                time.sleep(FOREVER)
            except BaseException:  # the point: ignore the soft time limit
                continue


class Die(_Hostile):
    def misbehave(self) -> None:
        os.kill(os.getpid(), signal.SIGKILL)


def _one(enricher: Enricher, options: PhaseOptions) -> Sequence[Enricher]:
    return [enricher] if options.links else []


def crash_with_path(settings: Settings, options: PhaseOptions) -> Sequence[Enricher]:
    return _one(CrashWithPath(), options)


def sleep(settings: Settings, options: PhaseOptions) -> Sequence[Enricher]:
    return _one(Sleep(), options)


def stubborn(settings: Settings, options: PhaseOptions) -> Sequence[Enricher]:
    return _one(Stubborn(), options)


def die(settings: Settings, options: PhaseOptions) -> Sequence[Enricher]:
    return _one(Die(), options)


class ByMarker(Enricher):
    phase = Phase.LINKS
    kinds: dict[str, _Hostile] = {  # noqa: RUF012 - read only
        "HOSTILE-SLEEP": Sleep(),
        "HOSTILE-STUBBORN": Stubborn(),
        "HOSTILE-DIE": Die(),
        "HOSTILE-CRASH": CrashWithPath(),
    }

    def enrich(self, data: AuditData) -> AuditData:
        text = " ".join(r.raw for r in data.references)
        for marker, hostile in self.kinds.items():
            if marker in text:
                hostile.misbehave()
        return data


def by_marker(settings: Settings, options: PhaseOptions) -> Sequence[Enricher]:
    return _one(ByMarker(), options)
