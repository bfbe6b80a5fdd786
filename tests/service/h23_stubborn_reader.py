"""A bibliography reader that swallows the soft time limit, for the hard-limit tests.

Selected as fake phases (`fake_phases("tests.service.h23_stubborn_reader:no_phases")`):
importing this module -- which the launcher does in the API and the worker before the
pool forks -- replaces the core's `read_bibliography` by one that, in a Celery pool
process only (never the process that imported it), ignores every signal-raised
exception while reading an upload named `STUBBORN`, so only the hard time limit stops
it. Every other upload is read as usual. No network phases run.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import citeaudit.audit as core
from citeaudit.enrichment import Enricher
from citeaudit.phases import PhaseOptions
from citeaudit.settings import Settings

STUBBORN = "stubborn-refs.bib"
FOREVER = 3600.0
_MAIN = os.getpid()  # the launcher's process: the worker's main process, or the API
_original = core.read_bibliography


def _stubborn(path: Any, *args: Any, **kwargs: Any) -> Any:
    if Path(path).name == STUBBORN and os.getpid() != _MAIN:
        deadline = time.monotonic() + FOREVER
        while time.monotonic() < deadline:
            try:
                time.sleep(FOREVER)
            except BaseException:  # the point: ignore the soft time limit
                continue
    return _original(path, *args, **kwargs)


core.read_bibliography = _stubborn


def no_phases(settings: Settings, options: PhaseOptions) -> Sequence[Enricher]:
    return []
