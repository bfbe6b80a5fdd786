"""Run a service process with fake network phases: the test suite's own launcher.

    python -m tests.service.fake_phases_launcher MODULE:FUNCTION PROGRAM [ARGS...]

The service has no setting naming code to run as its phases (a configuration that
makes a server import a module is a way in). Tests whose phases must sleep, crash,
die or hog memory inside the real uvicorn server or Celery worker start it through
this module instead: it replaces `default_enrichers`, the one function the service
builds its phases with, by FUNCTION (same signature), then runs PROGRAM's installed
console-script entry point (`citeaudit`, `celery`) with ARGS in this same process,
as the script itself would. Celery's pool processes are forked from it and keep the
replacement. In-process tests use `use_fake_phases` with pytest's monkeypatch.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, cast

from citeaudit.enrichment import Enricher
from citeaudit.phases import PhaseOptions
from citeaudit.service import enrichers as service_enrichers
from citeaudit.settings import Settings

if TYPE_CHECKING:
    import pytest

Factory = Callable[[Settings, PhaseOptions], Sequence[Enricher]]
# What is replaced: the name `enrichers_for` calls when an audit's phases are built.
REPLACED = "default_enrichers"


def factory(spec: str) -> Factory:
    """The function `spec` ("package.module:function") names."""
    module_name, _, attr = spec.partition(":")
    return cast(Factory, getattr(importlib.import_module(module_name), attr))


def install(spec: str) -> None:
    """Make this process's service build its phases with `spec`'s function."""
    if not callable(getattr(service_enrichers, REPLACED, None)):  # renamed: fail, not ignore
        raise RuntimeError(f"citeaudit.service.enrichers has no {REPLACED} to replace")
    setattr(service_enrichers, REPLACED, factory(spec))


def use_fake_phases(monkeypatch: pytest.MonkeyPatch, spec: str) -> None:
    """`install` for the test's own process, undone after the test."""
    monkeypatch.setattr(service_enrichers, REPLACED, factory(spec))


def _entry_point(program: str) -> Callable[[], int | str | None]:
    name = Path(program).name
    found = entry_points(group="console_scripts", name=name)
    if not found:
        raise SystemExit(f"fake_phases_launcher: no console script named {name!r}")
    return cast(Callable[[], int | str | None], next(iter(found)).load())


def main(argv: list[str]) -> None:
    if len(argv) < 2:
        raise SystemExit(__doc__)
    spec, program, *args = argv
    install(spec)
    main_function = _entry_point(program)
    sys.argv = [program, *args]
    sys.exit(main_function())


if __name__ == "__main__":
    main(sys.argv[1:])
