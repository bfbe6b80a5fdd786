"""One settings object: every CITEAUDIT_* setting is a field of `citeaudit.settings`.

The worker's memory limits were read twice -- `ServiceSettings.worker_max_memory_mb`
and a settings class of `workers/limits.py` reading the same CITEAUDIT_WORKER_*
variables -- so a value given to one (a settings object built by hand, an operator's
change to one default) was not the other's. `workers.limits.WorkerLimits` now takes
its numbers from the settings.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from citeaudit.settings import ServiceSettings

ROOT = Path(__file__).resolve().parents[1]


def _settings_classes() -> list[str]:
    """Every class deriving from pydantic-settings' BaseSettings, by file and name."""
    found = []
    for folder in (ROOT / "src" / "citeaudit", ROOT / "workers"):
        for path in sorted(folder.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(node, ast.ClassDef) and any(
                    isinstance(base, ast.Name) and base.id == "BaseSettings" for base in node.bases
                ):
                    found.append(f"{path.relative_to(ROOT).as_posix()}:{node.name}")
    return found


def test_settings_are_read_by_one_class() -> None:
    assert _settings_classes() == ["src/citeaudit/settings.py:Settings"]


def test_worker_limits_are_the_settings_values(monkeypatch: pytest.MonkeyPatch) -> None:
    from workers.limits import WorkerLimits

    monkeypatch.setenv("CITEAUDIT_WORKER_RECYCLE_MB", "256")
    settings = ServiceSettings(worker_max_memory_mb=0, worker_max_tasks=7)
    limits = WorkerLimits.from_settings(settings)
    assert (limits.max_memory_mb, limits.recycle_mb, limits.max_tasks) == (0, 256, 7)
    default = ServiceSettings.model_fields
    assert WorkerLimits() == WorkerLimits(
        default["worker_max_memory_mb"].default,
        default["worker_recycle_mb"].default,
        default["worker_max_tasks"].default,
    )
